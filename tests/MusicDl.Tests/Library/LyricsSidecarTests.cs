using MusicDl.Configuration;
using MusicDl.Library;

namespace MusicDl.Tests.Library;

public sealed class LyricsSidecarTests : LibraryTestBase
{
    private const string Lrc = "[00:01.00] line";

    [Fact]
    public async Task Pruning_takes_the_sidecar_with_its_audio_and_leaves_no_folder()
    {
        await using var library = await OpenAsync();
        await PlaceAsync(library, "gone", "A/Gone/Gone.mp3", PlaylistA);
        await LyricsSidecar.WriteAsync(library.FullPath("A/Gone/Gone.mp3"), Lrc, CancellationToken.None);

        await library.PruneAsync(PlaylistA, new HashSet<string>());

        Assert.False(Directory.Exists(Path.Combine(Root, "A", "Gone")));
        Assert.Empty(TempFilesUnderRoot());
    }

    [Fact]
    public async Task A_sidecar_another_format_of_the_track_shares_stays_when_one_format_goes()
    {
        await using var library = await OpenAsync();
        await PlaceAsync(library, "t", "A/Song.mp3", PlaylistA);
        await PlaceAsync(library, "t", "A/Song.m4a", PlaylistB, format: AudioFormat.M4a);
        await LyricsSidecar.WriteAsync(library.FullPath("A/Song.mp3"), Lrc, CancellationToken.None);

        await library.RemoveFileAsync("A/Song.mp3");

        Assert.Equal(Lrc + "\n", await File.ReadAllTextAsync(Path.Combine(Root, "A", "Song.lrc")));
    }

    [Fact]
    public async Task A_template_change_moves_the_sidecar_with_the_audio()
    {
        await using var library = await OpenAsync();
        await PlaceAsync(library, "track1", "Artist/Song.mp3", PlaylistA, "{artist}/{title}.{output-ext}");
        await LyricsSidecar.WriteAsync(library.FullPath("Artist/Song.mp3"), Lrc, CancellationToken.None);

        var result = await LocateAsync(library, "Album/Song.mp3", "{album}/{title}.{output-ext}", PlaylistA);

        Assert.Equal(LocateStatus.Moved, result.Status);
        Assert.True(File.Exists(Path.Combine(Root, "Album", "Song.lrc")));
        Assert.False(File.Exists(Path.Combine(Root, "Artist", "Song.lrc")));
    }
}
