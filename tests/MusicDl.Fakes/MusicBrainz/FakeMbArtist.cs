namespace MusicDl.Fakes.MusicBrainz;

public sealed record FakeMbArtist(string Id, string Name);
