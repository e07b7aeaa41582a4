using MusicDl.Audio;
using MusicDl.Configuration;
using MusicDl.YouTube.Download;
using MusicDl.YouTube.Player;

namespace MusicDl.Downloading;

/// <summary>
/// The pipeline's audio producer: downloads the matched video's audio beside the destination (the library's hidden
/// temporary name plus <c>.src</c>, which the library cleans up with it) and converts it with ffmpeg into place,
/// measuring its loudness in the same ffmpeg run when <paramref name="measureLoudness"/> (ReplayGain) is on.
/// </summary>
public sealed class YouTubeAudioProducer(AudioDownloader downloader, AudioConverter converter, Bitrate bitrate, bool measureLoudness = false) : IAudioProducer
{
    public async Task<Loudness?> ProduceAsync(TrackMatch match, AudioFormat format, string destinationPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        var raw = destinationPath + ".src";
        try
        {
            var download = await downloader.DownloadAsync(match.VideoId!, format, raw, cancellationToken);
            if (download.Audio is not { } audio)
            {
                var failure = download.Failure;
                throw new TrackFailedException(failure?.Message ?? $"no playable audio for {match.VideoId}")
                {
                    // Only a settled verdict (removed/private/deleted, or yt-dlp agreeing) drops the match.
                    VideoUnavailable = failure is { Conclusive: true },
                    NotTheTracks = failure is { IsAboutTrack: false, Kind: not (PlayerFailureKind.AgeRestricted or PlayerFailureKind.NoUsableStream) },
                    Service = ServiceOf(download.Attempts, failure),
                };
            }

            var converted = await converter.ConvertAsync(audio.Path, destinationPath, format, bitrate, audio.Source, measureLoudness, cancellationToken);
            return converted.Loudness;
        }
        catch (ConversionFailedException ex)
        {
            throw new TrackFailedException($"ffmpeg could not convert the download: {ex.Message}", ex);
        }
        catch (ProcessTimedOutException ex)
        {
            // A hung ffmpeg is the machine's trouble: five in a row stop the run.
            throw new TrackFailedException(ex.Message, ex) { NotTheTracks = true, Service = "ffmpeg" };
        }
        catch (IOException ex) when (IsDiskFull(ex))
        {
            throw new RunAbortedException($"the disk is full ({ex.Message}); free some space and run again", ex);
        }
        finally
        {
            TryDelete(raw);
        }
    }

    /// <summary>The service to name when these failures stop the run: the native attempts tell more than yt-dlp's fallback failing too.</summary>
    private static string ServiceOf(IReadOnlyList<PlayerFailure> attempts, PlayerFailure? failure) =>
        attempts.Any(a => a.Kind is PlayerFailureKind.Forbidden or PlayerFailureKind.DownloadFailed) ? "the YouTube media server"
        : attempts.Any(a => a.Kind is PlayerFailureKind.ServiceError or PlayerFailureKind.BotCheck or PlayerFailureKind.LoginRequired) ? "the YouTube player"
        : failure?.Kind is PlayerFailureKind.YtDlpFailed or PlayerFailureKind.YtDlpMissing ? "yt-dlp"
        : "the YouTube player";

    private static bool IsDiskFull(IOException ex) =>
        (ex.HResult & 0xFFFF) is 28 or 112 || ex.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The library removes leftovers named after its temporary file on the next start.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
