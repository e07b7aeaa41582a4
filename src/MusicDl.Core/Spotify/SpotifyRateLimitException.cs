using System.Net;
using MusicDl.Http;

namespace MusicDl.Spotify;

/// <summary>Spotify demands a wait (Retry-After) longer than the configured cap, or kept answering 429.</summary>
public sealed class SpotifyRateLimitException : SpotifyCannotProceedException
{
    public SpotifyRateLimitException(string message, TimeSpan? retryAfter)
        : base(message, ServiceFailureKind.RateLimited, null, HttpStatusCode.TooManyRequests, retryAfter)
    {
    }
}
