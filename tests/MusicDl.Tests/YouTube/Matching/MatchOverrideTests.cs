using MusicDl.YouTube.Matching;
using MusicDl.YouTube.Search;

namespace MusicDl.Tests.YouTube.Matching;

public sealed class MatchOverrideTests
{
    [Theory]
    [InlineData("skip")]
    [InlineData(" Skip ")]
    public void Skip_in_any_case_excludes(string value) => Assert.True(MatchOverride.Parse("t", value).Skip);

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=abc")]
    [InlineData("https://example.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("dQw4w9WgXc")]
    [InlineData("")]
    public void Anything_else_is_a_format_error(string value) =>
        Assert.Throws<FormatException>(() => MatchOverride.Parse("t", value));

    [Theory]
    [InlineData("dQw4w9WgXcQ", true)]
    [InlineData("nfyk-V5CoIE", true)]
    [InlineData("a_b-c_d-e_f", true)]
    [InlineData("dQw4w9WgXc", false)]
    [InlineData("dQw4w9WgXcQQ", false)]
    [InlineData("dQw4w9WgX!Q", false)]
    public void Video_ids_are_eleven_url_safe_characters(string text, bool valid)
    {
        Assert.Equal(valid, YouTubeVideoId.IsValid(text));
        if (!valid)
        {
            var ex = Assert.Throws<FormatException>(() => YouTubeVideoId.Parse(text));
            Assert.Contains(text, ex.Message, StringComparison.Ordinal);
        }
    }
}
