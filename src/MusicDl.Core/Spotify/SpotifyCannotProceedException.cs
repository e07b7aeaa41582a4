namespace MusicDl.Spotify;

/// <summary>
/// Spotify cannot be used at all for this run (credentials rejected, service unreachable, a wait beyond the cap):
/// the CLI stops and exits 3. Everything already fetched stays cached.
/// </summary>
public class SpotifyCannotProceedException : SpotifyException
{
    public SpotifyCannotProceedException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
