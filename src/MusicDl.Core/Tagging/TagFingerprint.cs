using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MusicDl.Tagging;

/// <summary>
/// A hash of the intended tag values and the cover, so metadata mode can leave alone a file whose tags already match
/// without opening it. The version prefix changes whenever what is written per value changes.
/// </summary>
public static class TagFingerprint
{
    // v2: Picard's mapping per format (issue 23): one MP4 atom per multi-value field, lower-case MP4 ReplayGain,
    // compilation, album artist ids, per-disc totals, ID3v2.4. Every file written before is written again.
    private const string Version = "tags-v2";

    /// <param name="tags">The values intended.</param>
    /// <param name="layout">How the writer lays them out when it differs from the default (an ID3v2.3 writer), else null.</param>
    public static string Compute(TagSet tags, string? layout = null)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var text = new StringBuilder(Version).Append('\n');
        if (layout is not null)
        {
            Add(text, "layout", layout);
        }

        Add(text, "title", tags.Title);
        Add(text, "artists", tags.Artists);
        Add(text, "album", tags.Album);
        Add(text, "album_artists", tags.AlbumArtists);
        Add(text, "track", Invariant(tags.TrackNumber) + "/" + Invariant(tags.TrackCount));
        Add(text, "disc", Invariant(tags.DiscNumber) + "/" + Invariant(tags.DiscCount));
        Add(text, "date", tags.ReleaseDate);
        Add(text, "year", tags.Year is { } year ? Invariant(year) : null);
        Add(text, "genres", tags.Genres);
        Add(text, "isrc", tags.Isrc);
        Add(text, "label", tags.Label);
        Add(text, "copyright", tags.Copyright);
        Add(text, "explicit", tags.Explicit ? "1" : "0");
        Add(text, "compilation", tags.Compilation ? "1" : "0");
        Add(text, "spotify", tags.SpotifyUrl);
        Add(text, "source", tags.SourceUrl);
        Add(text, "cover", tags.Cover?.Hash);

        // Added only when present, so a library tagged before these existed keeps its fingerprints.
        if (tags.Lyrics is { } lyrics)
        {
            Add(text, "lyrics", lyrics);
        }

        if (tags.TrackLoudness is { } track)
        {
            Add(text, "rg_track", ReplayGainText.Gain(track) + " " + ReplayGainText.Peak(track));
        }

        if (tags.AlbumLoudness is { } album)
        {
            Add(text, "rg_album", ReplayGainText.Gain(album) + " " + ReplayGainText.Peak(album));
        }

        if (tags.MusicBrainz is { } mb)
        {
            Add(text, "mb", [mb.RecordingId, mb.ReleaseId ?? "-", mb.ReleaseGroupId ?? "-", .. mb.ArtistIds]);
            Add(text, "mb_album_artists", mb.AlbumArtistIds);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Lengths prefix every value so no two different tag sets can produce the same text.
    private static void Add(StringBuilder text, string key, string? value) =>
        text.Append(key).Append('=').Append(value is null ? "-" : Invariant(value.Length) + ":" + value).Append('\n');

    private static void Add(StringBuilder text, string key, IReadOnlyList<string> values)
    {
        text.Append(key).Append('=').Append(Invariant(values.Count));
        foreach (var value in values)
        {
            text.Append('|').Append(Invariant(value.Length)).Append(':').Append(value);
        }

        text.Append('\n');
    }
}
