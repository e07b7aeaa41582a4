using MusicDl.Http;
using MusicDl.Models;
using MusicDl.Spotify;

namespace MusicDl.Downloading;

/// <summary>
/// The pipeline's view of the Spotify client: its failures (each a <see cref="ServiceException"/>) told in pipeline
/// terms by kind: a source that cannot be read, or a run that cannot go on.
/// </summary>
public sealed class SpotifyTrackResolver(SpotifyClient spotify) : ITrackResolver
{
    public async Task<ResolvedSource> ResolveAsync(SpotifySource source, CancellationToken cancellationToken)
    {
        try
        {
            return await spotify.ResolveAsync(source, cancellationToken);
        }
        catch (ServiceException ex) when (CannotProceed(ex))
        {
            throw new RunAbortedException(ex.Message, ex);
        }
        catch (ServiceException ex) when (ex.Kind is ServiceFailureKind.Rejected or ServiceFailureKind.Unparseable)
        {
            // A public page of a new shape fails every source alike: the service's fault, not this source's.
            throw new SourceUnavailableException(ex.Message, ex) { NotTheSources = ex.Service == SpotifyFailure.PagesService };
        }
        catch (ServiceException ex)
        {
            throw new RunAbortedException($"{ex.Message.TrimEnd('.')}. Check the network and Spotify's status; if it is only slow raise request_timeout, otherwise run again later.", ex);
        }
    }

    public Task<Track> CompleteAsync(Track track, CancellationToken cancellationToken) =>
        CannotProceedAbortsAsync(() => spotify.CompleteAsync(track, cancellationToken));

    public Task<Track> CompleteForMatchAsync(Track track, CancellationToken cancellationToken) =>
        CannotProceedAbortsAsync(() => spotify.CompleteIsrcAsync(track, cancellationToken));

    // Spotify down after its retries for one track is not caught: it counts toward the run's systemic stop (five in a row).
    private static async Task<Track> CannotProceedAbortsAsync(Func<Task<Track>> complete)
    {
        try
        {
            return await complete();
        }
        catch (ServiceException ex) when (CannotProceed(ex))
        {
            throw new RunAbortedException(ex.Message, ex);
        }
    }

    // Credentials refused, or Spotify's limit outlasting the waits allowed: as the one classifier judges it.
    private static bool CannotProceed(ServiceException failure) => Failures.Classify(failure).Fault == Fault.CannotProceed;
}
