using System.Net;
using MusicDl.Http;

namespace MusicDl.Spotify;

/// <summary>
/// Spotify's failures, each told as the one failure type: a <see cref="ServiceException"/> of service
/// <see cref="Service"/> (or <see cref="PagesService"/>) and a kind. There is no Spotify exception type: the classifier
/// (Downloading/Failures) and the pipeline's adapter decide on service and kind alone. Messages are one line and never
/// hold secrets.
/// </summary>
internal static class SpotifyFailure
{
    /// <summary>The Web API, the accounts service and short links, as the user knows them (and as the classifier reads them).</summary>
    public const string Service = "Spotify";

    /// <summary>The public embed pages; only a page of a new shape is told under this name.</summary>
    public const string PagesService = "Spotify's public pages";

    /// <summary>
    /// What was asked cannot be had (403, 404, a login needed, not an id, a 4xx not explained otherwise): this source
    /// or track only; the run goes on with the others.
    /// </summary>
    public static ServiceException Rejected(string message, int? status = null, Exception? inner = null) =>
        new(Service, ServiceFailureKind.Rejected, message, inner, (HttpStatusCode?)status);

    /// <summary>The client credentials or the user login are missing or refused: nothing can be read this run (exit 3).</summary>
    public static ServiceException Unauthorized(string message, Exception? inner = null) =>
        new(Service, ServiceFailureKind.Unauthorized, message, inner);

    /// <summary>An answer that is not the JSON promised, or lacks what it must hold.</summary>
    public static ServiceException Unparseable(string message, int? status = null, Exception? inner = null) =>
        new(Service, ServiceFailureKind.Unparseable, message, inner, (HttpStatusCode?)status);

    /// <summary>
    /// Spotify could not be reached, or kept failing (5xx, timeouts) after every retry: unreachable, connection lost,
    /// timeout or, for any other failure of the transport (a status that is no answer), server error, so the
    /// classifier finds these four kinds and no other (met for one track it counts toward the run's stop; met outside
    /// a run's tracks it ends the command).
    /// </summary>
    public static ServiceException Unavailable(string message, Exception? inner = null)
    {
        var kind = inner is null ? ServiceFailureKind.ServerError : ServiceFailures.KindOf(inner);
        if (kind is not (ServiceFailureKind.Unreachable or ServiceFailureKind.ConnectionLost or ServiceFailureKind.Timeout))
        {
            kind = ServiceFailureKind.ServerError;
        }

        return new(Service, kind, message, inner, (inner as ServiceException)?.Status);
    }

    /// <summary>
    /// A 429 that outlasted the retries, or a Retry-After beyond <c>spotify_retry_max_delay</c>: Spotify's limit is the
    /// app's, so no further request helps this run (exit 3).
    /// </summary>
    public static ServiceException RateLimited(string message, TimeSpan? retryAfter) =>
        new(Service, ServiceFailureKind.RateLimited, message, null, HttpStatusCode.TooManyRequests, retryAfter);

    /// <summary>
    /// A public page that is not the page musicdl knows (no <c>__NEXT_DATA__</c>, or JSON of another shape): Spotify
    /// changed it, so every page would fail the same way. Never cached; the service's fault, not the source's.
    /// </summary>
    public static ServiceException PageChanged(string detail, Exception? inner = null) =>
        new(
            PagesService,
            ServiceFailureKind.Unparseable,
            $"Spotify's public page has changed ({detail}); musicdl cannot read it. Update musicdl, or use the Web API (spotify_access: api with credentials; see docs/spotify.md).",
            inner);
}
