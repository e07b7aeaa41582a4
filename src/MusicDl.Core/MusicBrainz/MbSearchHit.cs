namespace MusicDl.MusicBrainz;

/// <summary>One recording of a search answer, with its ISRCs and the releases it is on.</summary>
internal sealed record MbSearchHit(string Id, string? Title, int? LengthMs, IReadOnlyList<string> ArtistNames, IReadOnlyList<string> ArtistIds, IReadOnlyList<string> Isrcs, IReadOnlyList<MbSearchRelease> Releases);

/// <summary>A release of a search hit: the medium and track the recording is on.</summary>
internal sealed record MbSearchRelease(string Id, string? Title, string? Status, string? Date, string? ReleaseGroupId, string? PrimaryType, int? TrackNumber, int? TrackCount, int? DiscNumber);
