using MusicDl.Spotify;
using MusicDl.YouTube.Search;

namespace MusicDl.Downloading;

/// <summary>
/// A track's failure that is not the track's own (timeouts, 5xx, refused connections, stalled media, answers that
/// cannot be parsed, a hung ffmpeg): counted toward <see cref="Downloader.SystemicFailureLimit"/>, and named with
/// what to do when the run stops because of it.
/// </summary>
internal sealed record SystemicFailure(string Service, string Message)
{
    /// <summary>The systemic failure an exception from a track's work stands for, or null when it is the track's own.</summary>
    public static SystemicFailure? Of(Exception ex) => ex switch
    {
        TrackFailedException { NotTheTracks: true } t => new(t.Service ?? "YouTube", t.Message),
        SearchException { IsTransient: true } s => new("YouTube Music search", s.Message),
        SpotifyUnavailableException s => new("Spotify", s.Message),
        SpotifyPageChangedException s => new("Spotify's public pages", s.Message),
        _ => null,
    };

    public string StopMessage(int limit) =>
        $"{Service} failed for {limit} tracks in a row for reasons that are not the tracks' own, so the run stops " +
        $"(the last: {Message.TrimEnd('.')}). {Advice}";

    private string Advice => Service switch
    {
        "ffmpeg" => "Check that ffmpeg runs on this machine (ffmpeg_path) and that the disk is not stalled, then run again.",
        "yt-dlp" => "Update yt-dlp (yt-dlp -U) or check ytdlp_path and ytdlp_cookies, then run again.",
        "Spotify's public pages" => "Update musicdl, or read Spotify through the Web API (spotify_access: api with credentials).",
        _ => $"Check the network and {Service}'s status; if it is only slow raise request_timeout, otherwise run again later. Everything placed so far stays.",
    };
}
