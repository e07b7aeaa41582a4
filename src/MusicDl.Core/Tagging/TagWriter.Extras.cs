using TagLib.Mpeg4;
using TagLib.Ogg;

namespace MusicDl.Tagging;

/// <summary>
/// Lyrics, ReplayGain and MusicBrainz ids, in each format's usual place (docs/library.md has the table). Each is
/// written only when known: like a cover, an existing lyrics tag, gain or id is never replaced by nothing.
/// </summary>
public sealed partial class TagWriter
{
    private const string MusicBrainzUfidOwner = "http://musicbrainz.org";

    private static void WriteId3Extras(TagLib.Id3v2.Tag id3, TagSet tags)
    {
        if (tags.Lyrics is { } lyrics)
        {
            // USLT with no description, as players look for it.
            var frame = TagLib.Id3v2.UnsynchronisedLyricsFrame.Get(id3, string.Empty, "eng", true);
            frame.Text = lyrics;
        }

        foreach (var (name, value) in ReplayGainFields(tags))
        {
            SetUserText(id3, name, value);
        }

        if (tags.MusicBrainz is { } mb)
        {
            var ufid = TagLib.Id3v2.UniqueFileIdentifierFrame.Get(id3, MusicBrainzUfidOwner, true);
            ufid.Identifier = TagLib.ByteVector.FromString(mb.RecordingId, TagLib.StringType.Latin1);
            SetIfKnown(mb.ReleaseId, v => SetUserText(id3, "MusicBrainz Album Id", v));
            SetIfKnown(mb.ReleaseGroupId, v => SetUserText(id3, "MusicBrainz Release Group Id", v));
            if (mb.ArtistIds.Count > 0)
            {
                SetUserText(id3, "MusicBrainz Artist Id", [.. mb.ArtistIds]);
            }
        }
    }

    private static void WriteAppleExtras(AppleTag apple, TagSet tags)
    {
        if (tags.Lyrics is { } lyrics)
        {
            apple.Lyrics = lyrics;
        }

        foreach (var (name, value) in ReplayGainFields(tags))
        {
            SetDash(apple, name, value);
        }

        if (tags.MusicBrainz is { } mb)
        {
            SetDash(apple, "MusicBrainz Track Id", mb.RecordingId);
            SetIfKnown(mb.ReleaseId, v => SetDash(apple, "MusicBrainz Album Id", v));
            SetIfKnown(mb.ReleaseGroupId, v => SetDash(apple, "MusicBrainz Release Group Id", v));
            if (mb.ArtistIds.Count > 0)
            {
                SetDash(apple, "MusicBrainz Artist Id", [.. mb.ArtistIds]);
            }
        }
    }

    private static void WriteXiphExtras(XiphComment xiph, TagSet tags, bool opus)
    {
        if (tags.Lyrics is { } lyrics)
        {
            SetField(xiph, "LYRICS", lyrics);
        }

        foreach (var (name, value) in ReplayGainFields(tags))
        {
            SetField(xiph, name, value);
        }

        // RFC 7845: Opus players apply R128_*_GAIN (relative to -23 LUFS) on top of the header's output gain.
        if (opus && tags.TrackLoudness is { } track)
        {
            SetField(xiph, "R128_TRACK_GAIN", ReplayGainText.R128Gain(track));
        }

        if (opus && tags.AlbumLoudness is { } album)
        {
            SetField(xiph, "R128_ALBUM_GAIN", ReplayGainText.R128Gain(album));
        }

        if (tags.MusicBrainz is { } mb)
        {
            SetField(xiph, "MUSICBRAINZ_TRACKID", mb.RecordingId);
            SetIfKnown(mb.ReleaseId, v => SetField(xiph, "MUSICBRAINZ_ALBUMID", v));
            SetIfKnown(mb.ReleaseGroupId, v => SetField(xiph, "MUSICBRAINZ_RELEASEGROUPID", v));
            if (mb.ArtistIds.Count > 0)
            {
                SetField(xiph, "MUSICBRAINZ_ARTISTID", [.. mb.ArtistIds]);
            }
        }
    }

    private static IEnumerable<(string Name, string Value)> ReplayGainFields(TagSet tags)
    {
        if (tags.TrackLoudness is { } track)
        {
            yield return ("REPLAYGAIN_TRACK_GAIN", ReplayGainText.Gain(track));
            yield return ("REPLAYGAIN_TRACK_PEAK", ReplayGainText.Peak(track));
        }

        if (tags.AlbumLoudness is { } album)
        {
            yield return ("REPLAYGAIN_ALBUM_GAIN", ReplayGainText.Gain(album));
            yield return ("REPLAYGAIN_ALBUM_PEAK", ReplayGainText.Peak(album));
        }
    }

    private static void SetIfKnown(string? value, Action<string> set)
    {
        if (!string.IsNullOrEmpty(value))
        {
            set(value);
        }
    }
}
