namespace MusicDl.MusicBrainz;

/// <summary>A genre with its vote count (<c>inc=genres</c>).</summary>
internal sealed record MbGenre(string Name, int Count);
