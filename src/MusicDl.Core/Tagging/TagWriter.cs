using System.Globalization;
using MusicDl.Configuration;
using TagLib;
using TagLib.Mpeg4;
using TagLib.Ogg;

namespace MusicDl.Tagging;

/// <summary>
/// Writes complete tags with TagLibSharp, each format as MusicBrainz Picard maps it (docs/library.md has the table):
/// mp3 gets ID3v2.4 (UTF-8, multiple values as 2.4 defines them; <c>id3_version: "2.3"</c> for old players, multiple
/// values then joined with "/"), m4a iTunes atoms (multiple values as data children of one freeform atom),
/// opus/ogg/flac Vorbis comments, wav an ID3v2 chunk plus the RIFF INFO basics.
/// </summary>
public sealed partial class TagWriter(Id3Version id3Version = Id3Version.V24) : ITagWriter
{
    /// <summary>What Picard joins multiple values with in an ID3v2.3 frame (its default "join with").</summary>
    public const string Id3v23Separator = "/";

    // iTunes' ©day atom: the copyright sign is byte 0xA9 in the atom name.
    private static readonly ByteVector DayAtom = new([0xA9, (byte)'d', (byte)'a', (byte)'y']);
    private static readonly ByteVector RatingAtom = "rtng";

    public Id3Version Id3Version { get; } = id3Version;

    static TagWriter()
    {
        // Numeric genres ("(13)") are an ID3v1 relic that hides the text in many readers. Set before any tag is written.
        TagLib.Id3v2.Tag.UseNumericGenres = false;
    }

    /// <summary>The TagLibSharp mime type for a format; TagLib must not guess from a temporary name.</summary>
    public static string MimeTypeFor(AudioFormat format) => format switch
    {
        AudioFormat.Mp3 => "taglib/mp3",
        AudioFormat.M4a => "taglib/m4a",
        AudioFormat.Opus => "taglib/opus",
        AudioFormat.Ogg => "taglib/ogg",
        AudioFormat.Flac => "taglib/flac",
        AudioFormat.Wav => "taglib/wav",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown audio format."),
    };

    public Task<string> WriteAsync(string path, AudioFormat format, TagSet tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tags);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.Run(() => Write(path, format, tags, Id3Version), cancellationToken);
    }

    /// <summary>The fingerprint of <paramref name="tags"/> as this writer writes them (an ID3v2.3 writer's differ).</summary>
    public string Fingerprint(TagSet tags) => TagFingerprint.Compute(tags, Id3Version == Id3Version.V23 ? "id3v2.3" : null);

    /// <summary>The front cover embedded in the file (else its first picture), or null: what a re-tag keeps when no new cover came.</summary>
    public static CoverArt? ReadCover(string path, AudioFormat format)
    {
        try
        {
            using var file = OpenFile(path, format);
            var pictures = file.Tag.Pictures ?? [];
            var picture = pictures.FirstOrDefault(p => p.Type == PictureType.FrontCover) ?? pictures.FirstOrDefault();
            var data = picture?.Data?.Data;
            return data is { Length: > 0 } && CoverArt.DetectMimeType(data) is { } mime ? new CoverArt(data, mime) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CorruptFileException or UnsupportedFormatException)
        {
            return null; // an unreadable picture is no picture to keep
        }
    }

    /// <summary>Synchronous form of <see cref="WriteAsync"/>.</summary>
    public static string Write(string path, AudioFormat format, TagSet tags, Id3Version id3Version = Id3Version.V24)
    {
        ArgumentNullException.ThrowIfNull(tags);
        using var file = OpenFile(path, format);
        switch (format)
        {
            case AudioFormat.Mp3:
                file.RemoveTags(TagTypes.Id3v1 | TagTypes.Ape);
                WriteId3((TagLib.Id3v2.Tag)file.GetTag(TagTypes.Id3v2, true), tags, id3Version);
                break;
            case AudioFormat.M4a:
                WriteApple((AppleTag)file.GetTag(TagTypes.Apple, true), tags);
                break;
            case AudioFormat.Opus or AudioFormat.Ogg:
                WriteXiph((XiphComment)file.GetTag(TagTypes.Xiph, true), tags, withPictures: true, opus: format == AudioFormat.Opus);
                break;
            case AudioFormat.Flac:
                WriteXiph((XiphComment)file.GetTag(TagTypes.Xiph, true), tags, withPictures: false);

                // FLAC keeps pictures in its own metadata blocks, where every FLAC reader looks.
                file.GetTag(TagTypes.FlacMetadata, true).Pictures = Pictures(tags);
                break;
            case AudioFormat.Wav:
                WriteId3((TagLib.Id3v2.Tag)file.GetTag(TagTypes.Id3v2, true), tags, id3Version);
                var info = file.GetTag(TagTypes.RiffInfo, true);
                WriteBasics(info, tags);

                // RIFF INFO readers keep one IGNR; joined, no genre is lost.
                info.Genres = tags.Genres.Count > 0 ? [string.Join("; ", tags.Genres)] : [];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown audio format.");
        }

        file.Save();
        return TagFingerprint.Compute(tags, id3Version == Id3Version.V23 ? "id3v2.3" : null);
    }

    /// <summary>Opens a file for reading or writing tags with its format stated.</summary>
    public static TagLib.File OpenFile(string path, AudioFormat format)
    {
        try
        {
            return TagLib.File.Create(path, MimeTypeFor(format), ReadStyle.Average);
        }
        catch (Exception e) when (e is CorruptFileException or UnsupportedFormatException)
        {
            throw new InvalidDataException($"Cannot tag '{path}' as {format.ToString().ToLowerInvariant()}: {e.Message}", e);
        }
    }

    private static void WriteBasics(TagLib.Tag tag, TagSet tags)
    {
        tag.Title = tags.Title;
        tag.Performers = tags.Artists.Count > 0 ? [tags.ArtistsJoined] : [];
        tag.AlbumArtists = tags.AlbumArtists.Count > 0 ? [tags.AlbumArtistsJoined] : [];
        tag.Album = tags.Album;
        tag.Track = (uint)Math.Max(0, tags.TrackNumber);
        tag.TrackCount = (uint)Math.Max(0, tags.TrackCount);
        tag.Disc = (uint)Math.Max(0, tags.DiscNumber);
        tag.DiscCount = (uint)Math.Max(0, tags.DiscCount);
        tag.Year = (uint)(tags.Year ?? 0);
        tag.Genres = [.. tags.Genres];
        tag.Copyright = tags.Copyright;
    }

    private static void WriteId3(TagLib.Id3v2.Tag id3, TagSet tags, Id3Version version)
    {
        var v23 = version == Id3Version.V23;
        id3.Version = (byte)(v23 ? 3 : 4);
        WriteBasics(id3, tags);

        // 2.4 holds several values in one frame, NUL-separated; Picard joins them with "/" for 2.3.
        id3.Genres = v23 && tags.Genres.Count > 1 ? [string.Join(Id3v23Separator, tags.Genres)] : [.. tags.Genres];
        id3.ISRC = tags.Isrc;
        id3.Publisher = tags.Label;
        id3.IsCompilation = tags.Compilation;

        // 2.4's TDRC holds the date at any precision; 2.3 has only TYER (+ TDAT for day and month), into which TagLib
        // splits a full TDRC date. The exact value also goes in a user frame.
        if (tags.ReleaseDate is { } date && (!v23 || date.Length == 10))
        {
            id3.SetTextFrame("TDRC", date);
        }

        SetUserText(id3, v23, CustomTagNames.ReleaseDate, tags.ReleaseDate);
        SetUserText(id3, v23, CustomTagNames.Id3Artists, [.. tags.Artists]);
        SetUserText(id3, v23, CustomTagNames.Explicit, tags.Explicit ? "1" : "0");
        SetUserText(id3, v23, CustomTagNames.SpotifyUrl, tags.SpotifyUrl);
        SetUserText(id3, v23, CustomTagNames.SourceUrl, tags.SourceUrl);
        id3.Pictures = Pictures(tags);
        WriteId3Extras(id3, tags, v23);
    }

    /// <summary>
    /// One TXXX frame for <paramref name="description"/>, replacing any whose description differs only in case (an
    /// older musicdl's "ARTISTS", which readers matching exactly would see twice). Several values: NUL-separated in
    /// 2.4, joined with "/" in 2.3.
    /// </summary>
    private static void SetUserText(TagLib.Id3v2.Tag id3, bool v23, string description, params string?[] values)
    {
        foreach (var old in id3.GetFrames<TagLib.Id3v2.UserTextInformationFrame>()
            .Where(f => string.Equals(f.Description, description, StringComparison.OrdinalIgnoreCase))
            .ToArray())
        {
            id3.RemoveFrame(old);
        }

        var present = Present(values);
        if (present.Length == 0)
        {
            return;
        }

        var frame = new TagLib.Id3v2.UserTextInformationFrame(description, TagLib.Id3v2.Tag.DefaultEncoding)
        {
            Text = v23 && present.Length > 1 ? [string.Join(Id3v23Separator, present)] : present,
        };
        id3.AddFrame(frame);
    }

    private static void WriteApple(AppleTag apple, TagSet tags)
    {
        WriteBasics(apple, tags);
        if (tags.ReleaseDate is not null)
        {
            apple.SetText(DayAtom, tags.ReleaseDate);
        }

        apple.ISRC = tags.Isrc;
        apple.Publisher = tags.Label;
        apple.IsCompilation = tags.Compilation;
        SetDash(apple, CustomTagNames.Artists, [.. tags.Artists]);
        SetDash(apple, CustomTagNames.Label, tags.Label);
        SetDash(apple, CustomTagNames.SpotifyUrl, tags.SpotifyUrl);
        SetDash(apple, CustomTagNames.SourceUrl, tags.SourceUrl);

        // The advisory atom: 1 explicit, 0 none. Stored as an 8-bit integer (data type 21) as iTunes does.
        apple.SetData(RatingAtom, new ByteVector((byte)(tags.Explicit ? 1 : 0)), (uint)AppleDataBox.FlagType.ForTempo);
        apple.Pictures = Pictures(tags);
        WriteAppleExtras(apple, tags);
    }

    /// <summary>
    /// One freeform <c>----:com.apple.iTunes:name</c> atom holding one <c>data</c> child per value, as iTunes, Picard and
    /// mutagen write it (TagLib's own multi-value call writes an atom per value, which mutagen and ffprobe drop).
    /// Any atom of that name, in any case, goes first, so an older file's repeated atoms leave no duplicate behind.
    /// </summary>
    private static void SetDash(AppleTag apple, string name, params string?[] values)
    {
        RemoveDash(apple, name);
        var present = Present(values);
        if (present.Length == 0)
        {
            return;
        }

        apple.SetDashBox(CustomTagNames.AppleMean, name, present[0]);
        var atom = FindDash(apple, name)
            ?? throw new InvalidOperationException($"TagLib wrote no ----:{CustomTagNames.AppleMean}:{name} atom");
        foreach (var value in present.Skip(1))
        {
            atom.AddChild(new AppleDataBox(ByteVector.FromString(value, StringType.UTF8), (uint)AppleDataBox.FlagType.ContainsText));
        }
    }

    // The tag enumerates its item list: the freeform atom whose mean and name children match.
    private static Box? FindDash(AppleTag apple, string name) =>
        apple.OfType<AppleAnnotationBox>().FirstOrDefault(atom =>
            atom.BoxType == "----"
            && atom.Children.OfType<AppleAdditionalInfoBox>().Any(c => c.BoxType == "mean" && c.Text == CustomTagNames.AppleMean)
            && atom.Children.OfType<AppleAdditionalInfoBox>().Any(c => c.BoxType == "name" && c.Text == name));

    private static void RemoveDash(AppleTag apple, string name)
    {
        foreach (var spelling in new[] { name, name.ToUpperInvariant(), name.ToLowerInvariant() }.Distinct(StringComparer.Ordinal))
        {
            // Each call removes one atom; an older file may hold one per value.
            for (var left = 64; left > 0 && FindDash(apple, spelling) is not null; left--)
            {
                apple.SetDashBox(CustomTagNames.AppleMean, spelling, string.Empty);
            }
        }
    }

    private static void WriteXiph(XiphComment xiph, TagSet tags, bool withPictures, bool opus = false)
    {
        WriteBasics(xiph, tags);

        // Vorbis DATE holds any ISO 8601 prefix, so Spotify's precision survives as given.
        SetField(xiph, "DATE", tags.ReleaseDate ?? (tags.Year is { } year ? year.ToString(CultureInfo.InvariantCulture) : null));
        SetField(xiph, "ISRC", tags.Isrc);
        SetField(xiph, CustomTagNames.Label, tags.Label);
        SetField(xiph, "ORGANIZATION", tags.Label);
        SetField(xiph, CustomTagNames.Artists, [.. tags.Artists]);
        SetField(xiph, CustomTagNames.Explicit, tags.Explicit ? "1" : "0");
        SetField(xiph, "COMPILATION", tags.Compilation ? "1" : null);

        // TagLib writes TRACKTOTAL and DISCTOTAL; Picard also writes the names other readers look for.
        SetField(xiph, "TOTALTRACKS", tags.TrackCount > 0 ? tags.TrackCount.ToString(CultureInfo.InvariantCulture) : null);
        SetField(xiph, "TOTALDISCS", tags.DiscCount > 0 ? tags.DiscCount.ToString(CultureInfo.InvariantCulture) : null);
        SetField(xiph, CustomTagNames.SpotifyUrl, tags.SpotifyUrl);
        SetField(xiph, CustomTagNames.SourceUrl, tags.SourceUrl);
        xiph.Pictures = withPictures ? Pictures(tags) : [];
        WriteXiphExtras(xiph, tags, opus);
    }

    private static void SetField(XiphComment xiph, string key, params string?[] values)
    {
        var present = Present(values);
        if (present.Length == 0)
        {
            xiph.RemoveField(key);
            return;
        }

        xiph.SetField(key, present);
    }

    private static string[] Present(string?[] values) => values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToArray();

    private static IPicture[] Pictures(TagSet tags) => tags.Cover is { } cover
        ?
        [
            new Picture(new ByteVector(cover.Data))
            {
                Type = PictureType.FrontCover,
                MimeType = cover.MimeType,
                Description = "Cover",
            },
        ]
        : [];
}
