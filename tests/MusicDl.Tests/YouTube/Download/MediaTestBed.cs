using MusicDl.Fakes;
using MusicDl.Fakes.YouTubeMedia;

namespace MusicDl.Tests.YouTube.Download;

/// <summary>A fake host with the YouTube media fake, an HttpClient and a temporary folder, for the download and player tests.</summary>
internal sealed class MediaTestBed : IAsyncDisposable
{
    public const string VideoId = "AjXQiKP5kMs";

    private MediaTestBed(string folder, FakeHost host, FakeYouTubeMedia fake)
    {
        Folder = folder;
        Host = host;
        Fake = fake;
    }

    public HttpClient Http { get; } = new();

    public string Folder { get; }

    public FakeHost Host { get; }

    public FakeYouTubeMedia Fake { get; }

    /// <summary>The temporary path a download writes to (no final extension, like the library helper's).</summary>
    public string Destination => Path.Combine(Folder, "track.part");

    public static async Task<MediaTestBed> StartAsync(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"musicdl-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var host = await FakeHost.StartAsync();
        return new MediaTestBed(folder, host, await FakeYouTubeMedia.StartAsync(host));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
