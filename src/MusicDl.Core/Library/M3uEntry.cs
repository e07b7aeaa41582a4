namespace MusicDl.Library;

/// <summary>One line pair of an .m3u8 playlist: a file (absolute path) with its duration, artist and title.</summary>
public sealed record M3uEntry(string FullPath, TimeSpan Duration, string Artist, string Title);
