using System.Text.RegularExpressions;
using MusicDl.Models;
using MusicDl.Spotify.Wire;

namespace MusicDl.Spotify;

/// <summary>Turns the wire objects into the shared models, and entries Spotify cannot give as music into unsupported ones.</summary>
internal static partial class SpotifyMapper
{
    public static AlbumInfo MapAlbum(WireAlbum album, int? discCount = null)
    {
        var copyrights = album.Copyrights ?? [];
        var p = copyrights.FirstOrDefault(c => string.Equals(c.Type, "P", StringComparison.OrdinalIgnoreCase))?.Text;
        var c = copyrights.FirstOrDefault(c => string.Equals(c.Type, "C", StringComparison.OrdinalIgnoreCase))?.Text;
        return new AlbumInfo
        {
            Id = album.Id ?? string.Empty,
            Name = album.Name ?? string.Empty,
            Artists = MapArtists(album.Artists),
            AlbumType = album.AlbumType,
            ReleaseDate = string.IsNullOrWhiteSpace(album.ReleaseDate) || album.ReleaseDate.StartsWith("0000", StringComparison.Ordinal) ? null : album.ReleaseDate,
            ReleaseDatePrecision = ParsePrecision(album.ReleaseDatePrecision, album.ReleaseDate),
            TotalTracks = album.TotalTracks,
            DiscCount = discCount,
            Images = (album.Images ?? [])
                .Where(i => !string.IsNullOrEmpty(i.Url))
                .OrderByDescending(i => (i.Width ?? 0) * (i.Height ?? 0))
                .Select(i => new ImageRef(i.Url!, i.Width, i.Height))
                .ToArray(),
            Genres = album.Genres ?? [],
            Label = string.IsNullOrWhiteSpace(album.Label) ? PublisherFromCopyright(p) : album.Label.Trim(),
            Copyright = c ?? p,
            Upc = album.ExternalIds?.Upc,
        };
    }

    public static Track MapTrack(WireTrack track, AlbumInfo? album = null) => new()
    {
        Id = track.Id ?? string.Empty,
        Title = track.Name ?? string.Empty,
        Artists = MapArtists(track.Artists),
        Album = album ?? (track.Album is { } a ? MapAlbum(a) : new AlbumInfo { Id = string.Empty, Name = string.Empty }),
        TrackNumber = track.TrackNumber,
        DiscNumber = track.DiscNumber <= 0 ? 1 : track.DiscNumber,
        DurationMs = track.DurationMs,
        Explicit = track.Explicit,
        Isrc = string.IsNullOrWhiteSpace(track.ExternalIds?.Isrc) ? null : track.ExternalIds.Isrc.Trim().ToUpperInvariant(),
    };

    /// <summary>One entry of a source: a track, or the reason Spotify cannot give it as music. Never throws on odd entries.</summary>
    public static SourceEntry ToEntry(int position, WireTrack? track, bool isLocal, AlbumInfo? album, string market)
    {
        if (track is null)
        {
            return SourceEntry.Unsupported(position, "removed from Spotify (the entry is empty)");
        }

        if (isLocal || track.IsLocal)
        {
            return SourceEntry.Unsupported(position, "local file (not on Spotify)", track.Name);
        }

        if (string.Equals(track.Type, "episode", StringComparison.OrdinalIgnoreCase))
        {
            return SourceEntry.Unsupported(position, "podcast episode", track.Name);
        }

        if (!SpotifyId.IsValid(track.Id))
        {
            return SourceEntry.Unsupported(position, "no Spotify track id", track.Name);
        }

        // Spotify keeps withdrawn tracks in old playlists as husks: no name, no duration, release date "0000".
        if (string.IsNullOrWhiteSpace(track.Name) && track.DurationMs <= 0)
        {
            return SourceEntry.Unsupported(position, "removed from Spotify (the track is an empty husk)");
        }

        var mapped = MapTrack(track, album);
        return track.IsPlayable == false
            ? SourceEntry.Unsupported(position, $"not playable in market {market}", track: mapped)
            : SourceEntry.Supported(position, mapped);
    }

    public static IReadOnlyList<ArtistRef> MapArtists(IReadOnlyList<WireArtist>? artists) =>
        (artists ?? []).Where(a => !string.IsNullOrEmpty(a.Name)).Select(a => new ArtistRef(a.Id, a.Name!)).ToArray();

    /// <summary>"℗ 2019 NCS" -> "NCS": the publisher named by the P line, for albums without a label.</summary>
    public static string? PublisherFromCopyright(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        var rest = CopyrightPrefix().Replace(line, string.Empty).Trim();
        return rest.Length == 0 ? null : rest;
    }

    private static ReleaseDatePrecision ParsePrecision(string? precision, string? date) => precision?.ToLowerInvariant() switch
    {
        "year" => ReleaseDatePrecision.Year,
        "month" => ReleaseDatePrecision.Month,
        "day" => ReleaseDatePrecision.Day,
        _ => date?.Length switch
        {
            4 => ReleaseDatePrecision.Year,
            7 => ReleaseDatePrecision.Month,
            _ => ReleaseDatePrecision.Day,
        },
    };

    // Leading symbols ((P), ℗, ©, (C)) and years ("2019", "2019-2020", "2019,") before the name.
    [GeneratedRegex(@"^\s*(?:(?:℗|©|\(p\)|\(c\))\s*)?(?:\d{4}(?:\s*[-–/]\s*\d{4})?\s*[,.]?\s*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightPrefix();
}
