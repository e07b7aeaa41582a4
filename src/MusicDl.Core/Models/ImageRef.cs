namespace MusicDl.Models;

/// <summary>A cover image offered by Spotify.</summary>
public sealed record ImageRef(string Url, int? Width, int? Height);
