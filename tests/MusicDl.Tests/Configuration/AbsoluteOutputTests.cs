using MusicDl.Configuration;

namespace MusicDl.Tests.Configuration;

public sealed class AbsoluteOutputTests
{
    [Theory]
    [InlineData("/music/{artist}/{title}.{output-ext}", "/music", "{artist}/{title}.{output-ext}")]
    [InlineData("/srv/My Music/Lib {year}/{title}.mp3", "/srv/My Music", "Lib {year}/{title}.mp3")]
    [InlineData("/{artist}/{title}.{output-ext}", "/", "{artist}/{title}.{output-ext}")]
    [InlineData("C:\\Music\\{artist}\\{title}.{output-ext}", "C:\\Music", "{artist}\\{title}.{output-ext}")]
    [InlineData("D:/{title}.{output-ext}", "D:/", "{title}.{output-ext}")]
    [InlineData("/music/fixed/song.mp3", "/music/fixed", "song.mp3")]
    public void The_fixed_leading_part_becomes_the_library_folder(string output, string directory, string template)
    {
        Assert.True(AbsoluteOutput.IsAbsolute(output));
        Assert.Equal((directory, template), AbsoluteOutput.Split(output));
    }

    [Theory]
    [InlineData("{artist}/{title}.{output-ext}")]
    [InlineData("music/{title}")]
    public void Relative_templates_are_not_absolute(string output)
    {
        Assert.False(AbsoluteOutput.IsAbsolute(output));
    }

    [Fact]
    public void An_absolute_output_without_a_file_part_is_an_error()
    {
        Assert.Contains("no file name part", Assert.Throws<ConfigException>(() => AbsoluteOutput.Split("/music/")).Message, StringComparison.Ordinal);
    }
}
