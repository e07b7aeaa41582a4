namespace MusicDl.Spotify;

/// <summary>
/// How long each kind of Spotify answer is kept (docs/spotify.md). Catalogue objects change rarely, so a daily
/// cron over an unchanged config stays near one request per source; a playlist snapshot never goes stale.
/// </summary>
public sealed record SpotifyCacheTtls
{
    public TimeSpan Track { get; init; } = TimeSpan.FromDays(7);

    public TimeSpan Album { get; init; } = TimeSpan.FromDays(7);

    public TimeSpan Artist { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Shorter: an artist's new releases should show up within a day.</summary>
    public TimeSpan ArtistAlbums { get; init; } = TimeSpan.FromDays(1);

    public TimeSpan PlaylistSnapshot { get; init; } = TimeSpan.FromDays(28);

    /// <summary>Re-validated by one page on every run, so it may be kept long.</summary>
    public TimeSpan LikedSongs { get; init; } = TimeSpan.FromDays(28);
}
