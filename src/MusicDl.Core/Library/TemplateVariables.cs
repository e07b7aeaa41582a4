using System.Globalization;
using MusicDl.Models;

namespace MusicDl.Library;

/// <summary>The template variables and how each reads a track.</summary>
internal static class TemplateVariables
{
    public const string OutputExt = "output-ext";

    private static readonly Dictionary<string, Func<Track, TemplateContext, string?>> Readers = new(StringComparer.Ordinal)
    {
        ["title"] = (t, _) => t.Title,
        ["artist"] = (t, _) => t.FirstArtist,
        ["artists"] = (t, _) => t.ArtistsJoined,
        ["album"] = (t, _) => t.Album.Name,
        ["album-artist"] = (t, _) => t.Album.Artists.Count > 0 ? t.Album.Artists[0].Name : t.FirstArtist,
        ["track-number"] = (t, _) => t.TrackNumber > 0 ? t.TrackNumber.ToString("D2", CultureInfo.InvariantCulture) : null,
        ["disc-number"] = (t, _) => t.DiscNumber > 0 ? t.DiscNumber.ToString(CultureInfo.InvariantCulture) : null,
        ["tracks-count"] = (t, _) => t.Album.TotalTracks?.ToString(CultureInfo.InvariantCulture),
        ["disc-count"] = (t, _) => t.Album.DiscCount?.ToString(CultureInfo.InvariantCulture),
        ["year"] = (t, _) => t.Album.Year?.ToString(CultureInfo.InvariantCulture),
        ["date"] = (t, _) => t.Album.ReleaseDate,
        ["genre"] = (t, _) => t.Genres.Count > 0 ? t.Genres[0] : null,
        ["isrc"] = (t, _) => t.Isrc,
        ["track-id"] = (t, _) => t.Id,
        ["playlist"] = (_, c) => c.PlaylistName,
        ["playlist-position"] = (_, c) => FormatPosition(c),
        [OutputExt] = (_, c) => c.Extension,
    };

    /// <summary>spotDL's names for the same values.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["list-name"] = "playlist",
        ["list-position"] = "playlist-position",
    };

    public static IReadOnlyCollection<string> Names => Readers.Keys;

    /// <summary>The canonical name of a variable (aliases resolved), or null when unknown.</summary>
    public static string? Canonical(string name)
    {
        if (Readers.ContainsKey(name))
        {
            return name;
        }

        return Aliases.TryGetValue(name, out var canonical) ? canonical : null;
    }

    public static string Read(string canonicalName, Track track, TemplateContext context) =>
        Readers[canonicalName](track, context) ?? string.Empty;

    private static string? FormatPosition(TemplateContext context)
    {
        if (context.PlaylistPosition is not { } position)
        {
            return null;
        }

        var width = Math.Max(2, (context.PlaylistLength ?? 0).ToString(CultureInfo.InvariantCulture).Length);
        return position.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
    }
}
