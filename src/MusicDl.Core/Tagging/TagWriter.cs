using System.Globalization;
using MusicDl.Configuration;
using TagLib;
using TagLib.Mpeg4;
using TagLib.Ogg;

namespace MusicDl.Tagging;

/// <summary>
/// Writes complete tags with TagLibSharp. mp3 gets ID3v2.3 (what Windows Explorer, many car stereos and older
/// players read; 2.4 adds nothing we need), m4a iTunes atoms, opus/ogg/flac Vorbis comments, wav an ID3v2.3
/// chunk plus the RIFF INFO basics.
/// </summary>
public sealed partial class TagWriter : ITagWriter
{
    private const byte Id3Version = 3;

    // iTunes' ©day atom: the copyright sign is byte 0xA9 in the atom name.
    private static readonly ByteVector DayAtom = new([0xA9, (byte)'d', (byte)'a', (byte)'y']);
    private static readonly ByteVector RatingAtom = "rtng";

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
        return Task.Run(() => Write(path, format, tags), cancellationToken);
    }

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
    public static string Write(string path, AudioFormat format, TagSet tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        using var file = OpenFile(path, format);
        switch (format)
        {
            case AudioFormat.Mp3:
                file.RemoveTags(TagTypes.Id3v1 | TagTypes.Ape);
                WriteId3((TagLib.Id3v2.Tag)file.GetTag(TagTypes.Id3v2, true), tags);
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
                WriteId3((TagLib.Id3v2.Tag)file.GetTag(TagTypes.Id3v2, true), tags);
                var info = file.GetTag(TagTypes.RiffInfo, true);
                WriteBasics(info, tags);

                // RIFF INFO readers keep one IGNR; joined, no genre is lost.
                info.Genres = tags.Genres.Count > 0 ? [string.Join("; ", tags.Genres)] : [];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown audio format.");
        }

        file.Save();
        return TagFingerprint.Compute(tags);
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

    private static void WriteId3(TagLib.Id3v2.Tag id3, TagSet tags)
    {
        id3.Version = Id3Version;
        WriteBasics(id3, tags);
        id3.ISRC = tags.Isrc;
        id3.Publisher = tags.Label;

        // v2.3 has only TYER (+ TDAT for day and month); TagLib splits a full TDRC date into them.
        // Other precisions keep the year there and the exact value in a user frame.
        if (tags.ReleaseDate is { Length: 10 } day)
        {
            id3.SetTextFrame("TDRC", day);
        }

        SetUserText(id3, CustomTagNames.ReleaseDate, tags.ReleaseDate);
        SetUserText(id3, CustomTagNames.Artists, [.. tags.Artists]);
        SetUserText(id3, CustomTagNames.Explicit, tags.Explicit ? "1" : "0");
        SetUserText(id3, CustomTagNames.SpotifyUrl, tags.SpotifyUrl);
        SetUserText(id3, CustomTagNames.SourceUrl, tags.SourceUrl);
        id3.Pictures = Pictures(tags);
        WriteId3Extras(id3, tags);
    }

    private static void SetUserText(TagLib.Id3v2.Tag id3, string description, params string?[] values)
    {
        var present = Present(values);
        var frame = TagLib.Id3v2.UserTextInformationFrame.Get(id3, description, present.Length > 0);
        if (present.Length == 0)
        {
            if (frame is not null)
            {
                id3.RemoveFrame(frame);
            }

            return;
        }

        frame!.Text = present;
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
        SetDash(apple, CustomTagNames.Artists, [.. tags.Artists]);
        SetDash(apple, CustomTagNames.Label, tags.Label);
        SetDash(apple, CustomTagNames.SpotifyUrl, tags.SpotifyUrl);
        SetDash(apple, CustomTagNames.SourceUrl, tags.SourceUrl);

        // The advisory atom: 1 explicit, 0 none. Stored as an 8-bit integer (data type 21) as iTunes does.
        apple.SetData(RatingAtom, new ByteVector((byte)(tags.Explicit ? 1 : 0)), (uint)AppleDataBox.FlagType.ForTempo);
        apple.Pictures = Pictures(tags);
        WriteAppleExtras(apple, tags);
    }

    private static void SetDash(AppleTag apple, string name, params string?[] values)
    {
        var present = Present(values);
        if (present.Length == 0)
        {
            apple.SetDashBox(CustomTagNames.AppleMean, name, string.Empty);
            return;
        }

        apple.SetDashBoxes(CustomTagNames.AppleMean, name, present);
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
