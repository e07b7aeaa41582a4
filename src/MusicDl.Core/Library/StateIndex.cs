namespace MusicDl.Library;

/// <summary>
/// The state rows of a set of tracks, read in two queries at the start of a run (<see cref="LibraryState.ReadIndexAsync"/>):
/// their files and their path claims. Lets a re-run answer "already there?" for an unchanged track without one query
/// per track. Only a track's own processing writes its rows, so a track's rows are true until it is processed: each is
/// taken once (<see cref="Take"/>), which also lets them go while the run goes on. A file row holds only what the
/// check reads (path, track, format, template, sources, missing parts; <see cref="LibraryState.ReadIndexAsync"/>).
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
            var at = held.FindIndex(c => c.BaseKey == baseKey);
            if (at < 0)
            {
                held.Add((baseKey, path));
            }
            else if (held[at].Path is { } shortest && path.Length <= shortest.Length)
            {
                held[at] = (baseKey, path.Length < shortest.Length ? path : null);
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

        // By base key; a track holds one or two, so a list is smaller and as quick as a dictionary per track.
        public List<(string BaseKey, string? Path)> Claims { get; } = new(1);

        /// <summary>The path <see cref="LibraryState.ClaimPathAsync"/> would return for a claim the track already holds, else null.</summary>
        public string? ExistingClaim(string desiredPath)
        {
            var baseKey = LibraryPaths.CaseKey(desiredPath);
            foreach (var (key, path) in Claims)
            {
                if (key == baseKey)
                {
                    return path;
                }
            }

            return null;
        }
    }
}
