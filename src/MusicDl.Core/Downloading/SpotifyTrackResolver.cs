using MusicDl.Models;
using MusicDl.Spotify;

namespace MusicDl.Downloading;

/// <summary>The pipeline's view of the Spotify client: source failures and cannot-proceed failures in pipeline terms.</summary>
public sealed class SpotifyTrackResolver(SpotifyClient spotify) : ITrackResolver
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
        catch (SpotifyPageChangedException ex)
        {
            throw new SourceUnavailableException(ex.Message, ex) { NotTheSources = true };
        }
        catch (SpotifyUnavailableException ex)
        {
            throw new RunAbortedException($"{ex.Message.TrimEnd('.')}. Check the network and Spotify's status; if it is only slow raise request_timeout, otherwise run again later.", ex);
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
        catch (SpotifyUnavailableException)
        {
            // Spotify failed after its retries for this track: counted toward the run's systemic stop (five in a row).
            throw;
        }
        catch (SpotifyCannotProceedException ex)
        {
            throw new RunAbortedException(ex.Message, ex);
        }
    }
}
