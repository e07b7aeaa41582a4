namespace MusicDl.MusicBrainz;

/// <summary>A release of a recording, as the ISRC look-up lists it with <c>inc=releases</c>.</summary>
internal sealed record MbRelease(string Id, string? Title, string? Status, string? Date, string? ReleaseGroupId);
