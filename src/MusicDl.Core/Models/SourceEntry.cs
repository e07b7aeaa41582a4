namespace MusicDl.Models;

/// <summary>
/// One entry of a resolved source, in source order: a track, or an entry Spotify cannot give as music
/// (local file, episode, removed, not playable in the market) with the reason.
/// </summary>
public sealed record SourceEntry(int Position, Track? Track, string? UnsupportedReason, string? Title = null)
{
    public bool IsSupported => Track is not null && UnsupportedReason is null;

    public static SourceEntry Supported(int position, Track track) => new(position, track, null, track.Title);

    public static SourceEntry Unsupported(int position, string reason, string? title = null, Track? track = null) =>
        new(position, track, reason, title ?? track?.Title);
}
