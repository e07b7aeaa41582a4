namespace MusicDl.Fakes.MusicBrainz;

public sealed record FakeMbGenre(string Name, int Count);
