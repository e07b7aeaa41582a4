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

    private static readonly string[] ReplayGainNames =
        ["REPLAYGAIN_TRACK_GAIN", "REPLAYGAIN_TRACK_PEAK", "REPLAYGAIN_ALBUM_GAIN", "REPLAYGAIN_ALBUM_PEAK"];

    private static void WriteId3Extras(TagLib.Id3v2.Tag id3, TagSet tags, bool v23)
    {
        if (tags.Lyrics is { } lyrics)
        {
            // USLT with no description, as players look for it.
            var frame = TagLib.Id3v2.UnsynchronisedLyricsFrame.Get(id3, string.Empty, "eng", true);
            frame.Text = lyrics;
        }

        foreach (var (name, value) in ReplayGainFields(tags))
        {
            SetUserText(id3, v23, name, value);
        }

        if (tags.MusicBrainz is { } mb)
        {
            var ufid = TagLib.Id3v2.UniqueFileIdentifierFrame.Get(id3, MusicBrainzUfidOwner, true);
            ufid.Identifier = TagLib.ByteVector.FromString(mb.RecordingId, TagLib.StringType.Latin1);
            SetIfKnown(mb.ReleaseId, v => SetUserText(id3, v23, "MusicBrainz Album Id", v));
            SetIfKnown(mb.ReleaseGroupId, v => SetUserText(id3, v23, "MusicBrainz Release Group Id", v));
            SetIfAny(mb.ArtistIds, v => SetUserText(id3, v23, "MusicBrainz Artist Id", v));
            SetIfAny(mb.AlbumArtistIds, v => SetUserText(id3, v23, "MusicBrainz Album Artist Id", v));
        }
    }

    private static void WriteAppleExtras(AppleTag apple, TagSet tags)
    {
        if (tags.Lyrics is { } lyrics)
        {
            apple.Lyrics = lyrics;
        }

        // MP4 readers (foobar2000, beets/mediafile, Quod Libet, lofty) look for the lower-case names.
        foreach (var (name, value) in ReplayGainFields(tags))
        {
            SetDash(apple, name.ToLowerInvariant(), value);
        }

        if (tags.MusicBrainz is { } mb)
        {
            SetDash(apple, "MusicBrainz Track Id", mb.RecordingId);
            SetIfKnown(mb.ReleaseId, v => SetDash(apple, "MusicBrainz Album Id", v));
            SetIfKnown(mb.ReleaseGroupId, v => SetDash(apple, "MusicBrainz Release Group Id", v));
            SetIfAny(mb.ArtistIds, v => SetDash(apple, "MusicBrainz Artist Id", v));
            SetIfAny(mb.AlbumArtistIds, v => SetDash(apple, "MusicBrainz Album Artist Id", v));
        }
    }

    private static void WriteXiphExtras(XiphComment xiph, TagSet tags, bool opus)
    {
        if (tags.Lyrics is { } lyrics)
        {
            SetField(xiph, "LYRICS", lyrics);
        }

        if (opus)
        {
            // RFC 7845 (5.2.1): an Opus file SHOULD NOT carry REPLAYGAIN_* (players would apply both). Its R128_*_GAIN
            // (Q7.8 dB relative to -23 LUFS) is applied on top of the header's output gain.
            if (tags.TrackLoudness is not null || tags.AlbumLoudness is not null)
            {
                foreach (var name in ReplayGainNames)
                {
                    xiph.RemoveField(name);
                }
            }

            if (tags.TrackLoudness is { } track)
            {
                SetField(xiph, "R128_TRACK_GAIN", ReplayGainText.R128Gain(track));
            }

            if (tags.AlbumLoudness is { } album)
            {
                SetField(xiph, "R128_ALBUM_GAIN", ReplayGainText.R128Gain(album));
            }
        }
        else
        {
            foreach (var (name, value) in ReplayGainFields(tags))
            {
                SetField(xiph, name, value);
            }
        }

        if (tags.MusicBrainz is { } mb)
        {
            SetField(xiph, "MUSICBRAINZ_TRACKID", mb.RecordingId);
            SetIfKnown(mb.ReleaseId, v => SetField(xiph, "MUSICBRAINZ_ALBUMID", v));
            SetIfKnown(mb.ReleaseGroupId, v => SetField(xiph, "MUSICBRAINZ_RELEASEGROUPID", v));
            SetIfAny(mb.ArtistIds, v => SetField(xiph, "MUSICBRAINZ_ARTISTID", v));
            SetIfAny(mb.AlbumArtistIds, v => SetField(xiph, "MUSICBRAINZ_ALBUMARTISTID", v));
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

    private static void SetIfAny(IReadOnlyList<string> values, Action<string[]> set)
    {
        if (values.Count > 0)
        {
            set([.. values]);
        }
    }
}
