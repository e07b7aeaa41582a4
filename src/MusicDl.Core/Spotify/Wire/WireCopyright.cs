namespace MusicDl.Spotify.Wire;

/// <summary>A copyright line; type C (composition) or P (sound recording).</summary>
internal sealed record WireCopyright(string? Text, string? Type);
