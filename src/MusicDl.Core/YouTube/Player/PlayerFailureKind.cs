namespace MusicDl.YouTube.Player;

/// <summary>Why a video yielded no audio (docs/audio.md explains each).</summary>
public enum PlayerFailureKind
{
    /// <summary>UNPLAYABLE: YouTube will not play it (region, rights, embedding).</summary>
    Unplayable,

    /// <summary>ERROR or a private video: it is gone.</summary>
    Unavailable,

    /// <summary>AGE_CHECK_REQUIRED or a login demand for the age: needs cookies.</summary>
    AgeRestricted,

    /// <summary>LOGIN_REQUIRED for another reason.</summary>
    LoginRequired,

    /// <summary>"Sign in to confirm you're not a bot": YouTube distrusts this machine, not the video.</summary>
    BotCheck,

    /// <summary>
    /// Playable, but no audio format has a plain URL: each needs signature deciphering (signatureCipher), or has neither a
    /// url nor a signatureCipher (SABR only). yt-dlp can fetch both.
    /// </summary>
    NoUsableStream,

    /// <summary>HTTP 403 on the media URL.</summary>
    Forbidden,

    /// <summary>HTTP 403 while YouTube still plays a pre-roll ad longer than musicdl waits: not the client's fault.</summary>
    AdWindow,

    /// <summary>The player endpoint failed (HTTP error, bad JSON, an unknown status).</summary>
    ServiceError,

    /// <summary>The media download failed after its retries (cut too often, wrong length).</summary>
    DownloadFailed,

    /// <summary>No native client worked and no yt-dlp executable was found.</summary>
    YtDlpMissing,

    /// <summary>yt-dlp ran and failed.</summary>
    YtDlpFailed,

    /// <summary><c>videoDetails.isLive</c>: a live stream is not a song; refused before any media request, no yt-dlp.</summary>
    LiveStream,
}
