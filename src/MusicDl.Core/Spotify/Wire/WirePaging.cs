namespace MusicDl.Spotify.Wire;

/// <summary>Spotify's paging object; <see cref="Next"/> is an absolute URL or null on the last page.</summary>
internal sealed record WirePaging<T>(IReadOnlyList<T?>? Items, string? Next, int Total, int Offset, int Limit);
