namespace MusicDl.Fakes.Spotify;

/// <summary>A playlist the fake Spotify serves; change it with <see cref="Replace"/> to get a new snapshot id.</summary>
public sealed class FakePlaylist
{
    private readonly object _gate = new();
    private List<FakeEntry> _entries;
    private int _version;

    public FakePlaylist(string id, string name, string ownerId, IEnumerable<FakeEntry> entries)
    {
        Id = id;
        Name = name;
        OwnerId = ownerId;
        _entries = entries.ToList();
    }

    public string Id { get; }

    public string Name { get; }

    public string OwnerId { get; }

    public FakePlaylistAccess Access { get; init; } = FakePlaylistAccess.OwnerOrCollaborator;

    public IReadOnlyList<string> Collaborators { get; init; } = [];

    public string SnapshotId
    {
        get
        {
            lock (_gate)
            {
                return $"snap{_version}-{Id}";
            }
        }
    }

    public IReadOnlyList<FakeEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    /// <summary>Changes the entries, and with them the snapshot id.</summary>
    public void Replace(IEnumerable<FakeEntry> entries)
    {
        lock (_gate)
        {
            _entries = entries.ToList();
            _version++;
        }
    }
}
