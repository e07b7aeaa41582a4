namespace MusicDl.Caching;

/// <summary>An entry as the persistent and shared layers hold it: the value's JSON (null when negative) and its expiry.</summary>
internal readonly record struct StoredEntry(string? Json, bool Negative, DateTimeOffset ExpiresAt);
