using MusicDl.Audio;
using MusicDl.Models;
using MusicDl.MusicBrainz;

namespace MusicDl.Tagging;

/// <summary>The tag values intended for one file, the same for every format; the fingerprint hashes them.</summary>
public sealed record TagSet
{
    private const string VariousArtists = "Various Artists";

    public required string Title { get; init; }

    /// <summary>Every artist, in order.</summary>
    public IReadOnlyList<string> Artists { get; init; } = [];

    public string? Album { get; init; }

    public IReadOnlyList<string> AlbumArtists { get; init; } = [];

    public int TrackNumber { get; init; }

    /// <summary>The tracks on this track's disc (Picard's total: the disc's, not the album's, on a multi-disc album).</summary>
    public int TrackCount { get; init; }

    public int DiscNumber { get; init; }

    public int DiscCount { get; init; }

    /// <summary>At Spotify's precision: "1987", "1987-11" or "1987-11-12".</summary>
    public string? ReleaseDate { get; init; }

    public int? Year { get; init; }

    public IReadOnlyList<string> Genres { get; init; } = [];

    public string? Isrc { get; init; }

    public string? Label { get; init; }

    public string? Copyright { get; init; }

    public bool Explicit { get; init; }

    /// <summary>A compilation (Spotify's album type, or a Various Artists album): ID3 TCMP, MP4 cpil, Vorbis COMPILATION.</summary>
    public bool Compilation { get; init; }

    public string? SpotifyUrl { get; init; }

    /// <summary>The YouTube (Music) URL the audio came from.</summary>
    public string? SourceUrl { get; init; }

    public CoverArt? Cover { get; init; }

    /// <summary>The lyrics tag's text (synced LRC or plain); null leaves an existing lyrics tag alone.</summary>
    public string? Lyrics { get; init; }

    /// <summary>The track's measured loudness (ReplayGain, Opus R128); null leaves existing gain tags alone.</summary>
    public Loudness? TrackLoudness { get; init; }

    /// <summary>The album's loudness, known when a run placed every track of the album.</summary>
    public Loudness? AlbumLoudness { get; init; }

    /// <summary>Picard's MusicBrainz ids; null leaves existing ids alone.</summary>
    public MusicBrainzIds? MusicBrainz { get; init; }

    /// <summary>The artists joined for display ("A, B").</summary>
    public string ArtistsJoined => string.Join(", ", Artists);

    public string AlbumArtistsJoined => string.Join(", ", AlbumArtists);

    public static TagSet From(Track track, string? sourceUrl, CoverArt? cover)
    {
        ArgumentNullException.ThrowIfNull(track);
        var album = track.Album;
        var albumArtists = album.Artists.Count > 0 ? album.Artists : track.Artists;
        return new TagSet
        {
            Title = track.Title,
            Artists = track.Artists.Select(a => a.Name).ToArray(),
            Album = album.Name,
            AlbumArtists = albumArtists.Select(a => a.Name).ToArray(),
            TrackNumber = track.TrackNumber,
            TrackCount = album.TracksOnDisc(track.DiscNumber) ?? 0,
            DiscNumber = track.DiscNumber,
            DiscCount = album.DiscCount ?? 0,
            ReleaseDate = TrimToPrecision(album.ReleaseDate, album.ReleaseDatePrecision),
            Year = album.Year,
            Genres = track.Genres.Count > 0 ? track.Genres : album.Genres,
            Isrc = track.Isrc,
            Label = album.Label,
            Copyright = album.Copyright,
            Explicit = track.Explicit,
            Compilation = IsCompilation(album),
            SpotifyUrl = track.SpotifyUrl,
            SourceUrl = sourceUrl,
            Cover = cover,
        };
    }

    /// <summary>Spotify's "compilation" album type, or an album credited to Various Artists alone (as Picard sets the flag).</summary>
    public static bool IsCompilation(AlbumInfo album)
    {
        ArgumentNullException.ThrowIfNull(album);
        return string.Equals(album.AlbumType, "compilation", StringComparison.OrdinalIgnoreCase)
            || (album.Artists.Count == 1 && string.Equals(album.Artists[0].Name.Trim(), VariousArtists, StringComparison.OrdinalIgnoreCase));
    }

    private static string? TrimToPrecision(string? date, ReleaseDatePrecision precision)
    {
        if (string.IsNullOrEmpty(date))
        {
            return null;
        }

        var length = precision switch
        {
            ReleaseDatePrecision.Year => 4,
            ReleaseDatePrecision.Month => 7,
            _ => 10,
        };
        return date.Length > length ? date[..length] : date;
    }
}
