using MusicDl.Audio;
using MusicDl.Configuration;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.YouTube.Download;

namespace MusicDl.Tests.YouTube.Download;

public sealed class YtDlpDownloaderTests : IAsyncLifetime
{
    private const string VideoId = "AjXQiKP5kMs";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musicdl-ytdlp-" + Guid.NewGuid().ToString("N"));
    private FakeAudioFiles _files = null!;

    private string Destination => Path.Combine(_folder, "out", "track.part");

    public async Task InitializeAsync()
    {
        _files = await FakeAudioFiles.GetAsync();
        Directory.CreateDirectory(Path.Combine(_folder, "out"));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_fallback_call_has_the_documented_arguments_and_the_file_lands_at_the_destination()
    {
        var stand = StandInYtDlp.Create(Path.Combine(_folder, "bin"), _files.AacM4a);
        var cookies = Path.Combine(_folder, "cookies.txt");
        await File.WriteAllTextAsync(cookies, "# Netscape HTTP Cookie File\n");
        var ytDlp = new YtDlpDownloader(stand.Executable, cookies, new Uri("https://www.youtube.com"));

        var source = await ytDlp.DownloadAsync(VideoId, Destination, AudioFormat.M4a);

        Assert.Equal(
            ["--ignore-config", "-f", "bestaudio[ext=m4a]/bestaudio/best", "-o", Destination + ".%(ext)s", "--no-playlist", "--no-progress", "--cookies", cookies, "https://www.youtube.com/watch?v=AjXQiKP5kMs"],
            stand.Arguments);
        Assert.Equal(AudioCodec.Aac, source.Codec);
        Assert.Equal(await File.ReadAllBytesAsync(_files.AacM4a), await File.ReadAllBytesAsync(Destination));
        Assert.Equal([Destination], Directory.GetFiles(Path.GetDirectoryName(Destination)!));
        Assert.Equal(1, ytDlp.Counter.YtDlpRuns);
    }

    [Fact]
    public async Task Without_cookies_no_cookies_argument_is_passed()
    {
        var stand = StandInYtDlp.Create(Path.Combine(_folder, "bin"), _files.AacM4a);

        await new YtDlpDownloader(stand.Executable, null, new Uri("https://www.youtube.com")).DownloadAsync(VideoId, Destination, AudioFormat.Mp3);

        Assert.DoesNotContain("--cookies", stand.Arguments);
        Assert.True(File.Exists(Destination));
    }

    [Fact]
    public async Task A_failing_yt_dlp_reports_its_error_line_and_leaves_nothing()
    {
        var stand = StandInYtDlp.Create(Path.Combine(_folder, "bin"), _files.AacM4a, fail: true);

        var ex = await Assert.ThrowsAsync<YtDlpFailedException>(() => new YtDlpDownloader(stand.Executable, null, new Uri("https://www.youtube.com")).DownloadAsync(VideoId, Destination, AudioFormat.Mp3));

        Assert.Contains("Video unavailable", ex.Message, StringComparison.Ordinal);
        Assert.Contains("exit 1", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(Destination)!));
    }

    [Theory]
    [InlineData(AudioFormat.Opus, "bestaudio[acodec=opus]/bestaudio/best")]
    [InlineData(AudioFormat.Ogg, "bestaudio[acodec=opus]/bestaudio/best")]
    [InlineData(AudioFormat.M4a, "bestaudio[ext=m4a]/bestaudio/best")]
    [InlineData(AudioFormat.Mp3, "bestaudio/best")]
    [InlineData(AudioFormat.Flac, "bestaudio/best")]
    public async Task The_format_selection_prefers_the_stream_the_output_format_can_copy(AudioFormat format, string selection)
    {
        var source = format is AudioFormat.Opus or AudioFormat.Ogg ? _files.OpusWebm : _files.AacM4a;
        var stand = StandInYtDlp.Create(Path.Combine(_folder, "bin"), source);

        var audio = await new YtDlpDownloader(stand.Executable, null, new Uri("https://www.youtube.com")).DownloadAsync(VideoId, Destination, format);

        Assert.Equal(selection, stand.Arguments[stand.Arguments.ToList().IndexOf("-f") + 1]);
        Assert.Equal(format is AudioFormat.Opus or AudioFormat.Ogg ? AudioCodec.Opus : AudioCodec.Aac, audio.Codec);
    }

    [Fact]
    public async Task Configured_js_runtimes_and_extra_arguments_reach_yt_dlp_before_the_url()
    {
        var stand = StandInYtDlp.Create(Path.Combine(_folder, "bin"), _files.AacM4a);
        var settings = new MusicDlSettings { YtDlpPath = stand.Executable, YtDlpJsRuntimes = ["deno", "node:/opt/node/bin/node"], YtDlpArgs = ["--extractor-args", "youtube:player_client=default,web_embedded"] };
        var ytDlp = YtDlpDownloader.TryLocate(settings, pathVariable: "")!;

        await ytDlp.DownloadAsync(VideoId, Destination, AudioFormat.M4a);

        var args = stand.Arguments;
        Assert.Equal("--ignore-config", args[0]);
        Assert.Equal(
            ["--js-runtimes", "deno", "--js-runtimes", "node:/opt/node/bin/node", "--extractor-args", "youtube:player_client=default,web_embedded", "https://www.youtube.com/watch?v=AjXQiKP5kMs"],
            args.Skip(args.ToList().IndexOf("--no-progress") + 1));
    }

    [Fact]
    public void Cookies_without_any_javascript_runtime_bring_a_warning_and_a_runtime_silences_it()
    {
        var bin = Path.Combine(_folder, "runtimes");
        Directory.CreateDirectory(bin);
        var cookies = new MusicDlSettings { YtDlpCookies = Path.Combine(_folder, "cookies.txt") };

        var warning = YtDlpDownloader.CookiesWithoutJsRuntimeWarning(cookies, pathVariable: bin);

        Assert.NotNull(warning);
        Assert.Contains("deno", warning, StringComparison.Ordinal);
        Assert.Contains("ytdlp_js_runtimes", warning, StringComparison.Ordinal);
        Assert.Null(YtDlpDownloader.CookiesWithoutJsRuntimeWarning(new MusicDlSettings(), pathVariable: bin));
        Assert.Null(YtDlpDownloader.CookiesWithoutJsRuntimeWarning(cookies with { YtDlpJsRuntimes = ["deno"] }, pathVariable: bin));

        var node = Path.Combine(bin, "node");
        File.WriteAllText(node, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(node, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Assert.Null(YtDlpDownloader.CookiesWithoutJsRuntimeWarning(cookies, pathVariable: bin));

        // yt-dlp only uses deno unasked: node alone is named to it.
        Assert.Equal(["node"], YtDlpDownloader.JsRuntimesFor(new MusicDlSettings(), pathVariable: bin));
    }

    [Fact]
    public void Yt_dlp_is_found_on_path_or_at_the_configured_path()
    {
        var stand = StandInYtDlp.Create(Path.Combine(_folder, "bin"), _files.AacM4a);

        Assert.Equal(stand.Executable, YtDlpDownloader.TryLocate(new MusicDlSettings(), pathVariable: "/nonexistent" + Path.PathSeparator + stand.Folder)?.Executable);
        Assert.Equal(stand.Executable, YtDlpDownloader.TryLocate(new MusicDlSettings { YtDlpPath = stand.Executable }, pathVariable: "")?.Executable);
        Assert.Equal(stand.Executable, YtDlpDownloader.TryLocate(new MusicDlSettings { YtDlpPath = stand.Folder }, pathVariable: "")?.Executable);
    }

    [Fact]
    public void A_missing_or_non_executable_yt_dlp_is_not_found()
    {
        var notExecutable = Path.Combine(_folder, "yt-dlp");
        File.WriteAllText(notExecutable, "#!/bin/sh\n");

        Assert.Null(YtDlpDownloader.TryLocate(new MusicDlSettings { YtDlpPath = Path.Combine(_folder, "missing") }, pathVariable: ""));
        Assert.Null(YtDlpDownloader.TryLocate(new MusicDlSettings(), pathVariable: _folder));
    }
}
