using MusicDl.Configuration;

namespace MusicDl.Library;

/// <summary>What a template needs besides the track: the file extension and the list (playlist or album) it came from.</summary>
/// <param name="Extension">The output extension without the dot ("mp3").</param>
public sealed record TemplateContext(string Extension)
{
    public string? PlaylistName { get; init; }

    /// <summary>The context for files of <paramref name="format"/> ("mp3", "m4a", ...).</summary>
    public static TemplateContext For(AudioFormat format) => new(format.ToString().ToLowerInvariant());

    /// <summary>1-based position in the list.</summary>
    public int? PlaylistPosition { get; init; }

    /// <summary>Number of entries in the list; pads {playlist-position} to its width (at least 2 digits).</summary>
    public int? PlaylistLength { get; init; }
}
