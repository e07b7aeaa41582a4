namespace MusicDl.Spotify;

/// <summary>
/// An answer the client did not expect (a 4xx other than 401/403/404/429, or a body that is not the JSON promised).
/// Raised per request; callers may turn it into a source failure.
/// </summary>
public sealed class SpotifyResponseException : SpotifyException
{
    public SpotifyResponseException(string message, int? status = null, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
    }

    public int? Status { get; }
}
