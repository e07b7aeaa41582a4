using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicDl.Audio;
using MusicDl.Configuration;
using MusicDl.YouTube.Player;

namespace MusicDl.YouTube.Download;

/// <summary>
/// Gets one video's audio to a path: each configured player client in turn (player answer, stream choice for the
/// output format, ranged download; a 403 moves on to the next client), then yt-dlp when none worked.
/// </summary>
public sealed class AudioDownloader
{
    private readonly MusicDlSettings _settings;
    private readonly PlayerClient _player;
    private readonly RangedDownloader _ranged;
    private readonly Lazy<YtDlpDownloader?> _ytDlp;
    private readonly ILogger _logger;

    public AudioDownloader(MusicDlSettings settings, HttpClient http, TimeProvider? timeProvider = null, RangedDownloadOptions? options = null, ILogger<AudioDownloader>? logger = null, YouTubeSession? session = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(http);
        _settings = settings;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Counter = new MediaRequestCounter();
        session ??= new YouTubeSession();
        options ??= new RangedDownloadOptions { MaxRetries = settings.MaxRetries };

        // The player backs off like the media pieces do after a timeout or a 5xx.
        _player = new PlayerClient(http, settings, session, timeProvider, options.BaseDelay);
        _ranged = new RangedDownloader(http, options, timeProvider, Counter, session);
        _ytDlp = new Lazy<YtDlpDownloader?>(() => YtDlpDownloader.TryLocate(settings, Counter));
    }

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
        VideoIds.Require(videoId);
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        var attempts = new List<PlayerFailure>();
        foreach (var client in _settings.YouTubeClients)
        {
            var (stream, failure) = await _player.TryClientAsync(videoId, client, format, cancellationToken);
            if (stream is null)
            {
                _logger.LogDebug("Player client {Client} gave no stream: {Failure}", client.Name, failure!.Message);
                attempts.Add(failure);
                continue;
            }

            if (!MediaHosts.IsAllowed(stream.Url, _settings.Endpoints))
            {
                attempts.Add(new PlayerFailure(
                    PlayerFailureKind.ServiceError,
                    videoId,
                    client.Name,
                    $"the player answer for video {videoId} names a media host that is not YouTube's ({stream.Url?.Host}); not fetched (client {client.Name})"));
                continue;
            }

            var downloadFailure = await TryNativeAsync(videoId, client.Name, stream, destinationPath, cancellationToken);
            if (downloadFailure is null)
            {
                var audio = new DownloadedAudio(destinationPath, new FileInfo(destinationPath).Length, stream.ToSourceAudio(), client.Name) { Itag = stream.Itag };
                return new AudioDownloadResult { Audio = audio, Attempts = attempts };
            }

            _logger.LogDebug("Download through client {Client} failed: {Failure}", client.Name, downloadFailure.Message);
            attempts.Add(downloadFailure);
        }

        return await FallBackAsync(videoId, destinationPath, attempts, cancellationToken);
    }

    private async Task<PlayerFailure?> TryNativeAsync(string videoId, string client, AudioStreamInfo stream, string destinationPath, CancellationToken cancellationToken)
    {
        try
        {
            await _ranged.DownloadAsync(stream.Url!, stream.ContentLength, destinationPath, cancellationToken);
            return null;
        }
        catch (MediaForbiddenException)
        {
            return new PlayerFailure(PlayerFailureKind.Forbidden, videoId, client, $"YouTube refused the media stream of video {videoId} with 403 (client {client})");
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or DownloadLengthMismatchException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new PlayerFailure(PlayerFailureKind.DownloadFailed, videoId, client, $"downloading video {videoId} failed (client {client}): {ex.Message}");
        }
    }

    private async Task<AudioDownloadResult> FallBackAsync(string videoId, string destinationPath, List<PlayerFailure> attempts, CancellationToken cancellationToken)
    {
        var native = PlayerFailures.Combine(videoId, attempts);

        // A removed video stays removed for yt-dlp too; everything else may work there (cookies, other clients).
        if (native.Kind == PlayerFailureKind.Unavailable && attempts.All(a => a.IsAboutTrack))
        {
            return new AudioDownloadResult { Failure = native, Attempts = attempts };
        }

        if (_ytDlp.Value is not { } ytDlp)
        {
            var missing = native with
            {
                Kind = native.IsAboutTrack ? native.Kind : PlayerFailureKind.YtDlpMissing,
                Message = $"{native.Message}; no yt-dlp fallback: {YtDlpDownloader.InstallHint}",
            };
            return new AudioDownloadResult { Failure = missing, Attempts = attempts };
        }

        _logger.LogInformation("No native client worked for video {VideoId} ({Failure}); trying yt-dlp", videoId, native.Message);
        try
        {
            var source = await ytDlp.DownloadAsync(videoId, destinationPath, cancellationToken);
            var audio = new DownloadedAudio(destinationPath, new FileInfo(destinationPath).Length, source, "yt-dlp");
            return new AudioDownloadResult { Audio = audio, Attempts = attempts };
        }
        catch (Exception ex) when (ex is YtDlpFailedException or IOException or JsonException or System.ComponentModel.Win32Exception or ProcessTimedOutException)
        {
            var failed = native with
            {
                Kind = native.IsAboutTrack ? native.Kind : PlayerFailureKind.YtDlpFailed,
                Message = $"{native.Message}; {ex.Message}",
            };
            attempts.Add(new PlayerFailure(PlayerFailureKind.YtDlpFailed, videoId, "yt-dlp", ex.Message));
            return new AudioDownloadResult { Failure = failed, Attempts = attempts };
        }
    }
}
