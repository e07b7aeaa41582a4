namespace MusicDl.Library;

/// <summary>
/// The state rows of a set of tracks, read in two queries at the start of a run (<see cref="LibraryState.ReadIndexAsync"/>):
/// their files and their path claims. Lets a re-run answer "already there?" for an unchanged track without one query
/// per track. Only a track's own processing writes its rows, so a track's rows are true until it is processed: each is
/// taken once (<see cref="Take"/>), which also lets them go while the run goes on (10,000 tracks' rows are ~15 MB).
/// </summary>
internal sealed class StateIndex
{
    private readonly Dictionary<string, TrackRows> _rows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public StateIndex(IEnumerable<PlacedFile> files, IEnumerable<(string TrackId, string BaseKey, string Path)> claims)
    {
        foreach (var file in files)
        {
            RowsOf(file.TrackId).Files.Add(file);
        }

        foreach (var (trackId, baseKey, path) in claims)
        {
            // The state's answer is the shortest claimed path (ORDER BY length LIMIT 1): two of one length are no
            // answer here (null), and the caller asks the state.
            var held = RowsOf(trackId).Claims;
            if (!held.TryGetValue(baseKey, out var shortest))
            {
                held[baseKey] = path;
            }
            else if (shortest is not null && path.Length <= shortest.Length)
            {
                held[baseKey] = path.Length < shortest.Length ? path : null;
            }
        }
    }

    /// <summary>The track's rows, once: null when it has none or they were taken already.</summary>
    public TrackRows? Take(string trackId)
    {
        lock (_gate)
        {
            return _rows.Remove(trackId, out var rows) ? rows : null;
        }
    }

    private TrackRows RowsOf(string trackId)
    {
        if (!_rows.TryGetValue(trackId, out var rows))
        {
            _rows[trackId] = rows = new TrackRows();
        }

        return rows;
    }

    /// <summary>One track's files (as <see cref="LibraryState.GetByTrackAsync"/>) and its path claims by base key.</summary>
    internal sealed class TrackRows
    {
        public List<PlacedFile> Files { get; } = [];

        public Dictionary<string, string?> Claims { get; } = new(StringComparer.Ordinal);

        /// <summary>The path <see cref="LibraryState.ClaimPathAsync"/> would return for a claim the track already holds, else null.</summary>
        public string? ExistingClaim(string desiredPath) =>
            Claims.TryGetValue(LibraryPaths.CaseKey(desiredPath), out var path) ? path : null;
    }
}
