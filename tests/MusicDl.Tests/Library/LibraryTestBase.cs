using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Library;

namespace MusicDl.Tests.Library;

/// <summary>A fresh library folder per test, removed afterwards.</summary>
public abstract class LibraryTestBase : IDisposable
{
    protected const string PlaylistA = "spotify:playlist:1a2B3c4D5e6F7g8H9i0JkL";
    protected const string PlaylistB = "spotify:playlist:9z8Y7x6W5v4U3t2S1r0QpO";

    protected string Root { get; } = Directory.CreateTempSubdirectory("musicdl-lib-").FullName;

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected Task<MusicLibrary> OpenAsync(ICacheRegion<bool>? existence = null) => MusicLibrary.OpenAsync(Root, existence);

    /// <summary>Places a small file for <paramref name="trackId"/> at <paramref name="path"/> the way the pipeline does.</summary>
    protected static async Task<PlacedFile> PlaceAsync(
        MusicLibrary library,
        string trackId,
        string path,
        string source = PlaylistA,
        string template = "{artist}/{title}.{output-ext}",
        AudioFormat format = AudioFormat.Mp3,
        string content = "audio")
    {
        var temp = await library.CreateTempFileAsync(path);
        await File.WriteAllTextAsync(temp, content + trackId);
        return await library.CommitAsync(temp, new PlacementRequest(path, trackId, format) { Sources = [source], Template = template, VideoId = "dQw4w9WgXcQ" });
    }

    protected static Task<LocateResult> LocateAsync(
        MusicLibrary library,
        string path,
        string template,
        string source,
        AudioFormat format = AudioFormat.Mp3,
        string trackId = "track1") =>
        library.LocateAsync(new PlacementRequest(path, trackId, format) { Template = template }, source);

    protected IEnumerable<string> TempFilesUnderRoot() =>
        Directory.EnumerateFiles(Root, ".musicdl-*", SearchOption.AllDirectories);
}
