using MusicDl.Lyrics;

namespace MusicDl.Tests.Lyrics;

public sealed class TitleCleanerTests
{
    [Theory]
    [InlineData("Bohemian Rhapsody - Remastered 2011", "Bohemian Rhapsody")]
    [InlineData("Song (feat. Someone Else)", "Song")]
    [InlineData("Song [with Guest]", "Song")]
    [InlineData("Song (Remastered 2009)", "Song")]
    [InlineData("Song (feat. A) - Live", "Song")]
    [InlineData("Plain Title", "Plain Title")]
    [InlineData("-Dash Start", "-Dash Start")]
    public void Versions_and_credits_are_removed(string title, string expected) =>
        Assert.Equal(expected, TitleCleaner.Clean(title));
}
