using System.Text;
using MusicDl.Library;

namespace MusicDl.Tests.Library;

public sealed class M3uTests : LibraryTestBase
{
    [Fact]
    public async Task Playlist_lists_entries_in_source_order_with_relative_paths_and_durations()
    {
        await using var library = await OpenAsync();
        var entries = new[]
        {
            new M3uEntry(Path.Combine(Root, "Rick Astley", "Whenever", "01 - Never.mp3"), TimeSpan.FromMilliseconds(213573), "Rick Astley", "Never Gonna Give You Up"),
            new M3uEntry(Path.Combine(Root, "YOASOBI", "夜に駆ける.mp3"), TimeSpan.FromSeconds(261), "YOASOBI, Ñandú", "夜に駆ける"),
        };

        var path = await library.WriteM3uAsync("Road Trip.m3u8", entries);

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal(
            "#EXTM3U\n#EXTINF:214,Rick Astley - Never Gonna Give You Up\nRick Astley/Whenever/01 - Never.mp3\n#EXTINF:261,YOASOBI, Ñandú - 夜に駆ける\nYOASOBI/夜に駆ける.mp3\n",
            Encoding.UTF8.GetString(bytes));
        Assert.Empty(TempFilesUnderRoot());
    }

    [Fact]
    public async Task Paths_are_relative_to_the_playlist_folder()
    {
        await using var library = await OpenAsync();

        var path = await library.WriteM3uAsync("Playlists/Mix.m3u8", [new M3uEntry(Path.Combine(Root, "A", "x.mp3"), TimeSpan.FromSeconds(1), "A", "x")]);

        Assert.EndsWith("\n../A/x.mp3\n", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewriting_replaces_the_whole_playlist()
    {
        await using var library = await OpenAsync();
        await library.WriteM3uAsync("Mix.m3u8", [new M3uEntry(Path.Combine(Root, "a.mp3"), TimeSpan.FromSeconds(1), "A", "a"), new M3uEntry(Path.Combine(Root, "b.mp3"), TimeSpan.FromSeconds(1), "B", "b")]);

        var path = await library.WriteM3uAsync("Mix.m3u8", [new M3uEntry(Path.Combine(Root, "c.mp3"), TimeSpan.FromSeconds(1), "C", "c\nd")]);

        Assert.Equal("#EXTM3U\n#EXTINF:1,C - c d\nc.mp3\n", await File.ReadAllTextAsync(path));
    }

    [Theory]
    [InlineData("Road Trip", "Road Trip.m3u8")]
    [InlineData("../../etc/passwd", "_.._etc_passwd.m3u8")]
    [InlineData("", "playlist.m3u8")]
    [InlineData("CON", "CON_.m3u8")]
    public void Playlist_file_names_are_sanitised(string name, string expected)
    {
        Assert.Equal(expected, M3uWriter.FileNameFor(name));
    }
}
