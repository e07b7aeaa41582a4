using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>
/// A playlist as the cache keeps it (key <see cref="SpotifyCacheKeys.Playlist"/>, version 2): each distinct album once,
/// each track naming its album by index, and only the values a <see cref="Track"/> is made of (none of its computed
/// ones). A 10,000-track playlist of the old shape, a full album per track, was 12 MB of JSON to parse on every warm
/// run (docs/performance.md, issue 22 §3); <see cref="ToPlaylist"/> gives back an equal <see cref="SpotifyPlaylist"/>,
/// its tracks sharing one <see cref="AlbumInfo"/> per distinct album.
/// </summary>
internal sealed record CachedPlaylist(
    string Id,
    string Name,
    string SnapshotId,
    string? OwnerId,
    IReadOnlyList<AlbumInfo> Albums,
    IReadOnlyList<CachedPlaylist.Entry> Entries)
{
    /// <summary>One entry: <see cref="Track"/> null for an entry without one; <c>Album</c> indexes <see cref="Albums"/>.</summary>
    internal sealed record Entry(int Position, Item? Track, string? UnsupportedReason, string? Title);

    /// <summary>Every settable value of a <see cref="Models.Track"/> (CachedPlaylistTests checks none is left out).</summary>
    internal sealed record Item(
        string Id,
        string Title,
        IReadOnlyList<ArtistRef> Artists,
        int Album,
        int TrackNumber,
        int DiscNumber,
        int DurationMs,
        bool Explicit,
        string? Isrc,
        IReadOnlyList<string> Genres,
        bool FromPublicPage);

    public static CachedPlaylist From(SpotifyPlaylist playlist)
    {
        ArgumentNullException.ThrowIfNull(playlist);

        // Albums are told apart by their whole stored value, not their id, so one read with two differing copies of
        // an album gives each track its own back.
        var albums = new List<AlbumInfo>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int AlbumIndex(AlbumInfo album)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(album, SpotifyCacheJsonContext.Default.AlbumInfo);
            if (!index.TryGetValue(json, out var at))
            {
                index[json] = at = albums.Count;
                albums.Add(album);
            }

            return at;
        }

        var entries = playlist.Entries.Select(e => new Entry(
            e.Position,
            e.Track is { } t
                ? new Item(t.Id, t.Title, t.Artists, AlbumIndex(t.Album), t.TrackNumber, t.DiscNumber, t.DurationMs, t.Explicit, t.Isrc, t.Genres, t.FromPublicPage)
                : null,
            e.UnsupportedReason,
            e.Title)).ToArray();
        return new CachedPlaylist(playlist.Id, playlist.Name, playlist.SnapshotId, playlist.OwnerId, albums, entries);
    }

    /// <summary>The playlist, or null when an entry names an album the value does not hold (a damaged value: a miss).</summary>
    public SpotifyPlaylist? ToPlaylist()
    {
        var entries = new SourceEntry[Entries.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var e = Entries[i];
            Track? track = null;
            if (e.Track is { } t)
            {
                if (t.Album < 0 || t.Album >= Albums.Count)
                {
                    return null;
                }

                track = new Track
                {
                    Id = t.Id,
                    Title = t.Title,
                    Artists = t.Artists,
                    Album = Albums[t.Album],
                    TrackNumber = t.TrackNumber,
                    DiscNumber = t.DiscNumber,
                    DurationMs = t.DurationMs,
                    Explicit = t.Explicit,
                    Isrc = t.Isrc,
                    Genres = t.Genres,
                    FromPublicPage = t.FromPublicPage,
                };
            }

            entries[i] = new SourceEntry(e.Position, track, e.UnsupportedReason, e.Title);
        }

        return new SpotifyPlaylist(Id, Name, SnapshotId, OwnerId, entries);
    }
}
