using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicDl.Audio;
using MusicDl.Configuration;
using MusicDl.Http;
using MusicDl.Models;
using MusicDl.YouTube.Player;
using MusicDl.YouTube.Visitor;

namespace MusicDl.YouTube.Download;

/// <summary>
/// Gets one video's audio to a path: each configured player client in turn (player answer, stream choice for the
/// output format, the wait for a pre-roll ad, ranged download; a 403 after the ad moves on to the next client), then
/// yt-dlp when none worked - also for ERROR/UNPLAYABLE answers, which other clients often play (made for kids,
/// embedding off). Only a conclusive failure (the reason says removed, private or deleted, or yt-dlp agrees) is
/// reported as the video having no audio.
/// </summary>
public sealed class AudioDownloader
{
    private readonly MusicDlSettings _settings;
    private readonly PlayerClient _player;
    private readonly RangedDownloader _ranged;
    private readonly Lazy<YtDlpDownloader?> _ytDlp;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public AudioDownloader(
        MusicDlSettings settings,
        HttpClient http,
        string? pathVariable,
        TimeProvider? timeProvider = null,
        RangedDownloadOptions? options = null,
        ILogger<AudioDownloader>? logger = null,
        VisitorSession? visitor = null,
        YouTubeSession? session = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(http);
        _settings = settings;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Counter = new MediaRequestCounter();
        session ??= new YouTubeSession();
        options ??= new RangedDownloadOptions { MaxRetries = settings.MaxRetries };

        // The player backs off like the media pieces do after a timeout or a 5xx.
        _player = new PlayerClient(http, settings, session, visitor, _time, options.BaseDelay);
        _ranged = new RangedDownloader(http, options, _time, Counter, session);
        _ytDlp = new Lazy<YtDlpDownloader?>(() => YtDlpDownloader.TryLocate(settings, pathVariable, Counter));
        if (YtDlpDownloader.CookiesWithoutJsRuntimeWarning(settings, pathVariable) is { } warning)
        {
            _logger.LogWarning("{Warning}", warning);
        }
    }

    /// <summary>The default <see cref="AdMargin"/>: two orders of magnitude above a timer's error, small beside any ad.</summary>
    public static readonly TimeSpan DefaultAdMargin = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest pre-roll ad waited out; a longer one leaves the video to yt-dlp (as yt-dlp itself waits).</summary>
    public TimeSpan MaxAdWait { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Waited past the end of an announced ad before the first media request: a timer may wake a few ms before the
    /// wall-clock time it was set for, and a request inside the window costs a 403 (and, answered late, a player call).
    /// </summary>
    public TimeSpan AdMargin { get; init; } = DefaultAdMargin;

    /// <summary>The first wait for an ad whose length the answer does not give (doubled after each 403).</summary>
    public TimeSpan UnknownAdWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Media requests and yt-dlp runs so far (for the run summary).</summary>
    public MediaRequestCounter Counter { get; }

    /// <summary>Player requests sent (for the run summary).</summary>
    public long PlayerRequests => _player.RequestCount;

    /// <summary>
    /// Never throws for service failures (they come back classified); throws only for cancellation, bad arguments and
    /// <see cref="YouTubeSessionLimitedException"/> (then no other client and no yt-dlp is tried: the session, not the
    /// video, is refused).
    /// </summary>
    public async Task<AudioDownloadResult> DownloadAsync(string videoId, AudioFormat format, string destinationPath, CancellationToken cancellationToken = default)
    {
        VideoId.Require(videoId);
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        var attempts = new List<PlayerFailure>();
        foreach (var client in _settings.YouTubeClients)
        {
            // A 403 after any ad may be one bad URL: the same client is asked once more for fresh ones before the next.
            for (var ask = 1; ask <= 2; ask++)
            {
                var attempt = await _player.AttemptAsync(videoId, client, format, cancellationToken);
                if (attempt is not { Stream: { } stream, Response: { } response })
                {
                    _logger.LogDebug("Player client {Client} gave no stream: {Failure}", client.Name, attempt.Failure!.Message);
                    attempts.Add(attempt.Failure!);
                    if (attempt.Failure!.Kind == PlayerFailureKind.LiveStream)
                    {
                        // Live for every client and for yt-dlp alike: no other client, no hand-off, no media request.
                        return new AudioDownloadResult { Failure = attempt.Failure, Attempts = attempts };
                    }

                    break;
                }

                if (!MediaHosts.IsAllowed(stream.Url, _settings.Endpoints))
                {
                    attempts.Add(new PlayerFailure(
                        PlayerFailureKind.ServiceError,
                        videoId,
                        client.Name,
                        $"the player answer for video {videoId} names a media host that is not YouTube's ({stream.Url?.Host}); not fetched (client {client.Name})"));
                    break;
                }

                var downloadFailure = await TryNativeAsync(videoId, client.Name, stream, response, destinationPath, cancellationToken);
                if (downloadFailure is null)
                {
                    var audio = new DownloadedAudio(destinationPath, new FileInfo(destinationPath).Length, stream.ToSourceAudio(), client.Name) { Itag = stream.Itag };
                    return new AudioDownloadResult { Audio = audio, Attempts = attempts };
                }

                _logger.LogDebug("Download through client {Client} failed: {Failure}", client.Name, downloadFailure.Message);
                attempts.Add(downloadFailure);
                if (downloadFailure.Kind != PlayerFailureKind.Forbidden)
                {
                    break;
                }
            }
        }

        return await FallBackAsync(videoId, format, destinationPath, attempts, cancellationToken);
    }

    private async Task<PlayerFailure?> TryNativeAsync(string videoId, string client, AudioStreamInfo stream, PlayerResponse response, string destinationPath, CancellationToken cancellationToken)
    {
        var ad = response.PreRoll;
        var bound = response.AnsweredAt + MaxAdWait;
        var adEnd = ad?.Length is { } length ? response.AnsweredAt + length : (DateTimeOffset?)null;

        // No media request inside the ad window: YouTube answers 403 there. The margin covers a timer waking a few ms
        // before the wall-clock time it was set for (the system's count a coarse 4 ms tick).
        var firstTry = ad is null ? response.AnsweredAt : Min(adEnd is { } e ? e + AdMargin : response.AnsweredAt + UnknownAdWait, bound);
        await WaitUntilAsync(firstTry, videoId, cancellationToken);
        var unknownWait = UnknownAdWait;
        while (true)
        {
            // A 403 is judged by when its request went out, not when it came back: on a loaded machine the answer to a
            // request sent inside the window may arrive after it, and is still the ad's, not the client's.
            var sentAt = _time.GetUtcNow();
            try
            {
                await _ranged.DownloadAsync(stream.Url!, stream.ContentLength, destinationPath, cancellationToken);
                return null;
            }
            catch (MediaForbiddenException) when (ad is not null && sentAt < (adEnd ?? bound))
            {
                // Sent inside the ad window: the ad's fault, not the client's. Wait it out within the bound (same URL).
                var now = _time.GetUtcNow();
                if (now >= bound)
                {
                    return new PlayerFailure(PlayerFailureKind.AdWindow, videoId, client,
                        $"video {videoId} plays a pre-roll ad of {(ad.Length is { } l ? $"{l.TotalSeconds:0} s" : "unknown length")}, longer than the {MaxAdWait.TotalSeconds:0} s musicdl waits (client {client})");
                }

                var next = adEnd is { } end ? Max(end, now) + AdMargin : now + unknownWait;
                unknownWait *= 2;
                await WaitUntilAsync(Min(next, bound), videoId, cancellationToken);
            }
            catch (MediaForbiddenException)
            {
                return new PlayerFailure(PlayerFailureKind.Forbidden, videoId, client, $"YouTube refused the media stream of video {videoId} with 403 (client {client})");
            }
            catch (Exception ex) when (ex is ServiceException and not YouTubeSessionLimitedException or IOException or HttpRequestException or TimeoutException
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return new PlayerFailure(PlayerFailureKind.DownloadFailed, videoId, client, $"downloading video {videoId} failed (client {client}): {ex.Message}");
            }
        }
    }

    private async Task WaitUntilAsync(DateTimeOffset when, string videoId, CancellationToken cancellationToken)
    {
        var wait = when - _time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            // Only this track waits; the others go on meanwhile.
            _logger.LogDebug("Video {VideoId}: waiting {Seconds:0.0} s for YouTube's pre-roll ad", videoId, wait.TotalSeconds);
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private async Task<AudioDownloadResult> FallBackAsync(string videoId, AudioFormat format, string destinationPath, List<PlayerFailure> attempts, CancellationToken cancellationToken)
    {
        var native = PlayerFailures.Combine(videoId, attempts);

        // A video the reason calls removed, private or deleted stays so for yt-dlp; any other ERROR or UNPLAYABLE may
        // play there (yt-dlp's web_embedded and tv_downgraded clients).
        if (attempts.Count > 0 && attempts.All(a => a.IsAboutTrack) && attempts.FirstOrDefault(a => a.Conclusive) is { } gone)
        {
            return new AudioDownloadResult { Failure = gone, Attempts = attempts };
        }

        if (_ytDlp.Value is not { } ytDlp)
        {
            var missing = native with
            {
                Kind = native.IsAboutTrack ? native.Kind : PlayerFailureKind.YtDlpMissing,
                Message = $"{native.Message}; no yt-dlp fallback: {YtDlpDownloader.InstallHint}",
                Conclusive = false,
            };
            return new AudioDownloadResult { Failure = missing, Attempts = attempts };
        }

        _logger.LogInformation("No native client worked for video {VideoId} ({Failure}); trying yt-dlp", videoId, native.Message);
        try
        {
            var source = await ytDlp.DownloadAsync(videoId, destinationPath, format, cancellationToken);
            var audio = new DownloadedAudio(destinationPath, new FileInfo(destinationPath).Length, source, "yt-dlp");
            return new AudioDownloadResult { Audio = audio, Attempts = attempts };
        }
        catch (Exception ex) when (ex is YtDlpFailedException or IOException or JsonException or System.ComponentModel.Win32Exception or ProcessTimedOutException)
        {
            // yt-dlp agrees when it too says the video is unavailable (rather than failing on a sign-in or the network).
            var agrees = ex is YtDlpFailedException && (PlayerFailures.SaysGone(ex.Message) || (native.IsAboutTrack && SaysUnavailable(ex.Message)));
            var failed = native with
            {
                Kind = agrees ? (native.IsAboutTrack ? native.Kind : PlayerFailureKind.Unavailable) : native.IsAboutTrack ? native.Kind : PlayerFailureKind.YtDlpFailed,
                Message = $"{native.Message}; {ex.Message}",
                Conclusive = agrees,
            };
            attempts.Add(new PlayerFailure(PlayerFailureKind.YtDlpFailed, videoId, "yt-dlp", ex.Message));
            return new AudioDownloadResult { Failure = failed, Attempts = attempts };
        }
    }

    private static bool SaysUnavailable(string message) =>
        message.Contains("unavailable", StringComparison.OrdinalIgnoreCase) || message.Contains("not available", StringComparison.OrdinalIgnoreCase);
}
