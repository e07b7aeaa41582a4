namespace MusicDl.Tagging;

/// <summary>The tags region's value: the fingerprint of a file as it was when last written (size and mtime guard it).</summary>
public sealed record KnownTags(string Fingerprint, long Size, long ModifiedUnixMs);
