namespace MusicDl.Http;

/// <summary>
/// An optional service's cheapest real request, sent through its <see cref="ServiceEdge"/> so its answer or failure is
/// the run's verdict on it (<see cref="Health"/>). A run sends it at its start when the library holds files still
/// lacking the service's part, beside the Spotify reads: by the time those files are re-tagged the service is known up
/// or down, and a black-holed one costs the run no wait after the reads.
/// </summary>
public interface IServiceProbe
{
    /// <summary>The run's record of the service, whose <see cref="ServiceHealth.Part"/> names the backlog it serves.</summary>
    ServiceHealth Health { get; }

    /// <summary>Sends the request; a failure is the edge's <see cref="ServiceException"/> (the health record heard it).</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}
