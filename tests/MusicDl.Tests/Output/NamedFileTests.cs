using MusicDl.Library;
using MusicDl.Output;

namespace MusicDl.Tests.Output;

public sealed class NamedFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("musicdl-named-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Kinds_are_told_apart_without_following_a_symlink()
    {
        var file = Path.Combine(_dir, "file");
        File.WriteAllText(file, "x");
        var link = Path.Combine(_dir, "link");
        File.CreateSymbolicLink(link, file);

        Assert.Equal(PathKind.Regular, NamedFile.KindOf(file, followLinks: false));
        Assert.Equal(PathKind.Symlink, NamedFile.KindOf(link, followLinks: false));
        Assert.Equal(PathKind.Regular, NamedFile.KindOf(link, followLinks: true));
        Assert.Equal(PathKind.Folder, NamedFile.KindOf(_dir, followLinks: false));
        Assert.Equal(PathKind.Missing, NamedFile.KindOf(Path.Combine(_dir, "none"), followLinks: false));
        Assert.Equal(PathKind.Device, NamedFile.KindOf("/dev/null", followLinks: false));
    }

    [Fact]
    public async Task An_atomic_write_replaces_a_regular_file_but_never_a_symlink()
    {
        var file = Path.Combine(_dir, "file");
        File.WriteAllText(file, "old");
        var link = Path.Combine(_dir, "link");
        File.CreateSymbolicLink(link, file);

        await NamedFile.WriteAtomicallyAsync(file, "new");
        await Assert.ThrowsAsync<IOException>(() => NamedFile.WriteAtomicallyAsync(link, "through the link"));

        Assert.Equal("new", File.ReadAllText(file));
        Assert.Equal(file, new FileInfo(link).LinkTarget);
        Assert.Equal(["file", "link"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_lyrics_sidecar_is_not_written_over_a_symlink_or_a_folder()
    {
        var audio = Path.Combine(_dir, "song.m4a");
        var elsewhere = Path.Combine(_dir, "elsewhere.txt");
        File.WriteAllText(elsewhere, "keep");
        File.CreateSymbolicLink(LyricsSidecar.PathFor(audio), elsewhere);
        var other = Path.Combine(_dir, "other.m4a");
        Directory.CreateDirectory(LyricsSidecar.PathFor(other));

        await Assert.ThrowsAsync<IOException>(() => LyricsSidecar.WriteAsync(audio, "[00:01.00] la", CancellationToken.None));
        await Assert.ThrowsAsync<IOException>(() => LyricsSidecar.WriteAsync(other, "[00:01.00] la", CancellationToken.None));

        Assert.Equal("keep", File.ReadAllText(elsewhere));
        Assert.Equal(elsewhere, new FileInfo(LyricsSidecar.PathFor(audio)).LinkTarget);
        Assert.False(LyricsSidecar.Holds(audio, "keep"));
    }
}
