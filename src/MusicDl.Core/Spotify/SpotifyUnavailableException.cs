using MusicDl.Http;

namespace MusicDl.Spotify;

/// <summary>Spotify could not be reached, or kept failing (5xx, timeouts) after every retry.</summary>
public sealed class SpotifyUnavailableException : SpotifyCannotProceedException
{
    public SpotifyUnavailableException(string message, Exception? inner = null)
        : base(message, inner is null ? ServiceFailureKind.ServerError : ServiceFailures.KindOf(inner), inner, (inner as ServiceException)?.Status)
    {
    }
}
