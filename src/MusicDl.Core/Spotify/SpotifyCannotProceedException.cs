using System.Net;
using MusicDl.Http;

namespace MusicDl.Spotify;

/// <summary>
/// Spotify cannot be used at all for this run (credentials rejected, service unreachable, a wait beyond the cap):
/// the CLI stops and exits 3. Everything already fetched stays cached.
/// </summary>
public class SpotifyCannotProceedException : SpotifyException
{
    public SpotifyCannotProceedException(string message, Exception? inner = null)
        : this(message, ServiceFailureKind.Rejected, inner)
    {
    }

    protected SpotifyCannotProceedException(string message, ServiceFailureKind kind, Exception? inner = null, HttpStatusCode? status = null, TimeSpan? retryAfter = null)
        : base(message, kind, inner, status, retryAfter)
    {
    }
}
