using MusicDl.Configuration;

namespace MusicDl.Tests.Configuration;

public sealed class SettingValuesTests
{
    [Theory]
    [InlineData("mp3", AudioFormat.Mp3)]
    [InlineData("M4A", AudioFormat.M4a)]
    [InlineData(" opus ", AudioFormat.Opus)]
    [InlineData("wav", AudioFormat.Wav)]
    public void Formats_parse_by_name(string text, AudioFormat format)
    {
        Assert.Equal(format, SettingValues.ParseFormat(text));
    }

    [Theory]
    [InlineData("mp4")]
    [InlineData("1")]
    [InlineData("mp3,flac")]
    [InlineData("")]
    public void Anything_but_a_format_name_is_rejected(string text)
    {
        var error = Assert.Throws<ConfigException>(() => SettingValues.ParseFormat(text));

        Assert.StartsWith($"format: unknown format '{text}'; expected one of mp3, m4a, opus, ogg, flac, wav", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("skip", OverwriteMode.Skip)]
    [InlineData("overwrite", OverwriteMode.Overwrite)]
    [InlineData("force", OverwriteMode.Overwrite)]
    [InlineData("Metadata", OverwriteMode.Metadata)]
    public void Overwrite_modes_parse_with_force_as_overwrite(string text, OverwriteMode mode)
    {
        Assert.Equal(mode, SettingValues.ParseOverwrite(text));
    }

    [Theory]
    [InlineData("auto", "auto")]
    [InlineData("disable", "disable")]
    [InlineData("320k", "320k")]
    [InlineData("96", "96k")]
    public void Bitrates_parse(string text, string shown)
    {
        Assert.Equal(shown, SettingValues.ParseBitrate(text).ToString());
    }

    [Theory]
    [InlineData("0k")]
    [InlineData("fast")]
    [InlineData("-128k")]
    public void Bad_bitrates_name_the_option(string text)
    {
        Assert.StartsWith("--bitrate: bad bitrate", Assert.Throws<ConfigException>(() => SettingValues.ParseBitrate(text, "--bitrate")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Providers_come_as_a_list_or_comma_separated_without_duplicates()
    {
        Assert.Equal(["youtube-music", "youtube"], SettingValues.ParseProviders(["YouTube-Music, youtube", "youtube"]));
        Assert.Throws<ConfigException>(() => SettingValues.ParseProviders([" , "]));
    }

    [Theory]
    [InlineData("us", "US")]
    [InlineData("from_token", null)]
    [InlineData("", null)]
    public void Markets_are_upper_cased_country_codes_or_from_token(string text, string? market)
    {
        Assert.Equal(market, SettingValues.ParseMarket(text));
    }

    [Theory]
    [InlineData("dQw4w9WgXcQ", "dQw4w9WgXcQ")]
    [InlineData("SKIP", "skip")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "dQw4w9WgXcQ")]
    [InlineData("https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=x", "dQw4w9WgXcQ")]
    [InlineData("www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "dQw4w9WgXcQ")]
    public void Override_targets_are_video_ids_links_or_skip(string text, string target)
    {
        Assert.Equal(target, SettingValues.ParseOverrideTarget(text));
    }

    [Theory]
    [InlineData("dQw4w9WgXc")]
    [InlineData("https://www.youtube.com/playlist?list=PL123")]
    [InlineData("https://example.com/watch?v=dQw4w9WgXcQ")]
    public void Other_override_targets_are_rejected(string text)
    {
        Assert.Throws<ConfigException>(() => SettingValues.ParseOverrideTarget(text));
    }
}
