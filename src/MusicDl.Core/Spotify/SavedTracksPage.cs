using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>The first page of Liked Songs: enough to tell whether a cached list is still current.</summary>
public sealed record SavedTracksPage(int Total, DateTimeOffset? NewestAddedAt, IReadOnlyList<SourceEntry> Entries, string? Next);
