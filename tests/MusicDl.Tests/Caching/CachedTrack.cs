namespace MusicDl.Tests.Caching;

/// <summary>A small value type-shaped like what the service clients cache.</summary>
public sealed record CachedTrack(string Id, string Title, int DurationMs);
