using System.Globalization;
using System.Text;

namespace MusicDl.Library;

/// <summary>Renders extended M3U (UTF-8, #EXTM3U, #EXTINF) with paths relative to the playlist file.</summary>
public static class M3uWriter
{
    public const string Extension = ".m3u8";

    /// <summary>The playlist's file name: the sanitised list name plus ".m3u8".</summary>
    public static string FileNameFor(string listName)
    {
        var name = PathSanitizer.SanitizeComponent(listName ?? string.Empty, Extension.Length + PathSanitizer.SuffixReserveBytes);
        return (name.Length > 0 ? name : "playlist") + Extension;
    }

    /// <summary>The playlist text for a file at <paramref name="playlistFullPath"/>, entries in source order.</summary>
    public static string Render(string playlistFullPath, IEnumerable<M3uEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var folder = Path.GetDirectoryName(Path.GetFullPath(playlistFullPath)) ?? ".";
        var text = new StringBuilder("#EXTM3U\n");
        foreach (var entry in entries)
        {
            var seconds = (long)Math.Round(entry.Duration.TotalSeconds, MidpointRounding.AwayFromZero);
            var label = OneLine(entry.Artist.Length > 0 ? $"{entry.Artist} - {entry.Title}" : entry.Title);
            var relative = Path.GetRelativePath(folder, entry.FullPath).Replace(Path.DirectorySeparatorChar, '/');
            text.Append(CultureInfo.InvariantCulture, $"#EXTINF:{seconds},{label}\n{relative}\n");
        }

        return text.ToString();
    }

    // A line break in a title would start a new, bogus entry; a NUL or other control character has no place in a
    // text file players parse. Each becomes a space.
    private static string OneLine(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
}
