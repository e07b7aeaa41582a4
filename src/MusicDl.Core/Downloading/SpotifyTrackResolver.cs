using MusicDl.Models;
using MusicDl.Spotify;

namespace MusicDl.Downloading;

/// <summary>The pipeline's view of the Spotify client: source failures and cannot-proceed failures in pipeline terms.</summary>
public sealed class SpotifyTrackResolver(ISpotifyClient spotify) : ITrackResolver
{
    public async Task<ResolvedSource> ResolveAsync(SpotifySource source, CancellationToken cancellationToken)
    {
        try
        {
            return await spotify.ResolveAsync(source, cancellationToken);
        }
        catch (Exception ex) when (ex is SpotifySourceException or SpotifyResponseException)
        {
            throw new SourceUnavailableException(ex.Message, ex);
        }
        catch (SpotifyCannotProceedException ex)
        {
            throw new RunAbortedException(ex.Message, ex);
        }
    }

    public Task<Track> CompleteAsync(Track track, CancellationToken cancellationToken) =>
        CannotProceedAbortsAsync(() => spotify.CompleteAsync(track, cancellationToken));

    public Task<Track> CompleteForMatchAsync(Track track, CancellationToken cancellationToken) =>
        CannotProceedAbortsAsync(() => spotify.CompleteIsrcAsync(track, cancellationToken));

    private static async Task<Track> CannotProceedAbortsAsync(Func<Task<Track>> complete)
    {
        try
        {
            return await complete();
        }
        catch (SpotifyCannotProceedException ex)
        {
            throw new RunAbortedException(ex.Message, ex);
        }
    }
}
