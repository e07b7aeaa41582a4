namespace MusicDl.Output;

/// <summary>Requests made per service during a run.</summary>
public sealed record RequestCounts(long Spotify = 0, long Search = 0, long Player = 0, long Media = 0);
