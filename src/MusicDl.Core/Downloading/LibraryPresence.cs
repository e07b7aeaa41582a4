namespace MusicDl.Downloading;

/// <summary>What the library holds for a planned track.</summary>
public sealed record LibraryPresence(bool Present, string PrimaryPath, IReadOnlyList<string> Paths)
{
    /// <summary>What the files present lack (a cover that could not be fetched...): re-tag them, even in skip mode.</summary>
    public IReadOnlyList<string> MissingParts { get; init; } = [];
}
