namespace MusicDl.Models;

/// <summary>An artist as a track or album names it.</summary>
public sealed record ArtistRef(string? Id, string Name);
