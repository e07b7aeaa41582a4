using System.Net;
using MusicDl.Http;

namespace MusicDl.Spotify;

/// <summary>
/// An answer the client did not expect (a 4xx other than 401/403/404/429: rejected; a body that is not the JSON
/// promised: unparseable). Raised per request; callers may turn it into a source failure.
/// </summary>
public sealed class SpotifyResponseException : SpotifyException
{
    public SpotifyResponseException(string message, int? status = null, Exception? inner = null)
        : base(message, inner is null && status is not null ? ServiceFailureKind.Rejected : ServiceFailureKind.Unparseable, inner, (HttpStatusCode?)status)
    {
    }
}
