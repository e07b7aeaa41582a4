namespace MusicDl.MusicBrainz;

/// <summary>
/// A release of a recording, as the ISRC look-up lists it with <c>inc=releases</c>; its credited artists (Picard's
/// album artist ids) come with <c>inc=artist-credits</c>.
/// </summary>
internal sealed record MbRelease(string Id, string? Title, string? Status, string? Date, string? ReleaseGroupId)
{
    public IReadOnlyList<string> ArtistIds { get; init; } = [];
}
