namespace MusicDl.Spotify.Wire;

/// <summary>A playlist entry in either dialect: <c>item</c> (2026) or <c>track</c> (older).</summary>
internal sealed record WirePlaylistItem(string? AddedAt, bool IsLocal, WireTrack? Item, WireTrack? Track)
{
    public WireTrack? Content => Item ?? Track;
}
