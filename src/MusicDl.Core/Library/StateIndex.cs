namespace MusicDl.Library;

/// <summary>
/// The state rows of a set of tracks, read in two queries at the start of a run (<see cref="LibraryState.ReadIndexAsync"/>):
/// their files and their path claims. Lets a re-run answer "already there?" for an unchanged track without one query
/// per track. Only a track's own processing writes its rows, so the rows stay true for a track until it is processed.
/// </summary>
internal sealed class StateIndex
{
    private readonly Dictionary<string, List<PlacedFile>> _files;
    private readonly Dictionary<(string TrackId, string BaseKey), string?> _claims;

    public StateIndex(IEnumerable<PlacedFile> files, IEnumerable<(string TrackId, string BaseKey, string Path)> claims)
    {
        _files = new Dictionary<string, List<PlacedFile>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!_files.TryGetValue(file.TrackId, out var list))
            {
                _files[file.TrackId] = list = [];
            }

            list.Add(file);
        }

        _claims = [];
        foreach (var (trackId, baseKey, path) in claims)
        {
            // The state's answer is the shortest claimed path (ORDER BY length LIMIT 1): two of one length are no
            // answer here (null), and the caller asks the state.
            var key = (trackId, baseKey);
            if (!_claims.TryGetValue(key, out var held))
            {
                _claims[key] = path;
            }
            else if (held is not null && path.Length <= held.Length)
            {
                _claims[key] = path.Length < held.Length ? path : null;
            }
        }
    }

    /// <summary>The path <see cref="LibraryState.ClaimPathAsync"/> would return for a claim the track already holds, else null.</summary>
    public string? ExistingClaim(string trackId, string desiredPath) =>
        _claims.TryGetValue((trackId, LibraryPaths.CaseKey(desiredPath)), out var path) ? path : null;

    /// <summary>Every file recorded for the track (as <see cref="LibraryState.GetByTrackAsync"/>).</summary>
    public IReadOnlyList<PlacedFile> FilesOf(string trackId) =>
        _files.TryGetValue(trackId, out var list) ? list : [];
}
