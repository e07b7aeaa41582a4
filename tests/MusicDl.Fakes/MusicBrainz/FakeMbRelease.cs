namespace MusicDl.Fakes.MusicBrainz;

public sealed record FakeMbRelease(string Id, string Title, string ReleaseGroupId)
{
    public string Status { get; init; } = "Official";

    public string? Date { get; init; } = "2020-01-01";

    public string PrimaryType { get; init; } = "Album";

    public string Country { get; init; } = "XW";

    /// <summary>The release's credited artists, listed (as the service does) with <c>inc=artist-credits</c>.</summary>
    public IReadOnlyList<FakeMbArtist> Artists { get; init; } = [];

    /// <summary>The recording's track number on this release (the recording search lists it in <c>media</c>).</summary>
    public int TrackNumber { get; init; } = 1;

    public int TrackCount { get; init; } = 10;

    /// <summary>The disc (medium position) the track is on.</summary>
    public int Disc { get; init; } = 1;
}
