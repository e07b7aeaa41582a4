using System.Net;
using MusicDl.Http;

namespace MusicDl.Spotify;

/// <summary>
/// Base of every error the Spotify client raises: a <see cref="ServiceException"/> of service "Spotify" (or "Spotify's
/// public pages") and a kind; messages are one line and never hold secrets.
/// </summary>
public abstract class SpotifyException : ServiceException
{
    protected SpotifyException(string message, ServiceFailureKind kind, Exception? inner = null, HttpStatusCode? status = null, TimeSpan? retryAfter = null, string service = "Spotify")
        : base(service, kind, message, inner, status, retryAfter)
    {
    }
}
