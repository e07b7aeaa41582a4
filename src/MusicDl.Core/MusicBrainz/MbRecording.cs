namespace MusicDl.MusicBrainz;

/// <summary>A recording of an ISRC look-up; <see cref="LengthMs"/> may be unknown.</summary>
internal sealed record MbRecording(string Id, string? Title, int? LengthMs, IReadOnlyList<string> ArtistIds, IReadOnlyList<MbRelease> Releases, IReadOnlyList<MbGenre> Genres);
