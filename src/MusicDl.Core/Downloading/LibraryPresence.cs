namespace MusicDl.Downloading;

/// <summary>What the library holds for a planned track.</summary>
public sealed record LibraryPresence(bool Present, string PrimaryPath, IReadOnlyList<string> Paths);
