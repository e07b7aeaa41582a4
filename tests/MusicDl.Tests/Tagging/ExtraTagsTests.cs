using System.Globalization;
using System.Text.Json;
using MusicDl.Audio;
using MusicDl.Configuration;
using MusicDl.MusicBrainz;
using MusicDl.Tagging;
using MusicDl.Tests.Library;
using TagLib.Mpeg4;
using TagLib.Ogg;

namespace MusicDl.Tests.Tagging;

/// <summary>Lyrics, ReplayGain and MusicBrainz ids written in every format and read back by ffprobe and TagLib.</summary>
public sealed class ExtraTagsTests : IClassFixture<AudioSamples>, IDisposable
{
    private const string Lyrics = "[00:00.50] Première ligne\n[00:01.00] 二行目";
    private static readonly Loudness Track = new(-11.46, -0.1);
    private static readonly Loudness Album = new(-12.0, 0.3);

    private static readonly MusicBrainzIds Ids = new()
    {
        RecordingId = "b1a9c0e9-d987-4042-ae91-78d6a3267d69",
        ReleaseId = "f5093c06-23e3-404f-aeaa-40f72885ee3a",
        ReleaseGroupId = "1dc4c347-a1db-32aa-b14f-bc9cc507b843",
        ArtistIds = ["0383dadf-2a4e-4d10-a46a-e9e041da8eb3", "5441c29d-3602-4898-b1a1-b77fa23b8e50"],
        AlbumArtistIds = ["89ad4ac3-39f7-470e-963a-56509c546377"],
    };

    private readonly AudioSamples _samples;
    private readonly string _folder = Directory.CreateTempSubdirectory("musicdl-extra-tags-").FullName;

    public ExtraTagsTests(AudioSamples samples) => _samples = samples;

    public static TheoryData<AudioFormat> AllFormats => new(AudioSamples.Formats);

    // ffmpeg reads a WAV file's RIFF INFO, not its ID3 chunk: WAV is checked through TagLib below.
    public static TheoryData<AudioFormat> ProbedFormats =>
        new(AudioFormat.Mp3, AudioFormat.M4a, AudioFormat.Opus, AudioFormat.Ogg, AudioFormat.Flac);

    [Theory]
    [MemberData(nameof(ProbedFormats))]
    public async Task Lyrics_gain_and_ids_are_where_ffprobe_reads_them(AudioFormat format)
    {
        var path = await TaggedFile(format, Full());

        var tags = FfprobeTags(path);

        Assert.Equal(Lyrics, Value(tags, format == AudioFormat.Mp3 ? "lyrics-eng" : "lyrics"));
        if (format == AudioFormat.Opus)
        {
            // RFC 7845 5.2.1: R128 gains only.
            Assert.DoesNotContain(tags.Keys, k => k.StartsWith("replaygain", StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            Assert.Equal("-6.54 dB", Value(tags, "replaygain_track_gain"));
            Assert.Equal("0.988553", Value(tags, "replaygain_track_peak"));
            Assert.Equal("-6.00 dB", Value(tags, "replaygain_album_gain"));
            Assert.Equal("1.035142", Value(tags, "replaygain_album_peak"));
        }

        var (album, group, artist) = format switch
        {
            AudioFormat.Mp3 or AudioFormat.M4a => ("MusicBrainz Album Id", "MusicBrainz Release Group Id", "MusicBrainz Artist Id"),
            _ => ("MUSICBRAINZ_ALBUMID", "MUSICBRAINZ_RELEASEGROUPID", "MUSICBRAINZ_ARTISTID"),
        };
        Assert.Equal(Ids.ReleaseId, Value(tags, album));
        Assert.Equal(Ids.ReleaseGroupId, Value(tags, group));
        Assert.Equal(Ids.AlbumArtistIds[0], Value(tags, format is AudioFormat.Mp3 or AudioFormat.M4a ? "MusicBrainz Album Artist Id" : "MUSICBRAINZ_ALBUMARTISTID"));
        Assert.Contains(Ids.ArtistIds[0], Value(tags, artist), StringComparison.Ordinal);
        if (format != AudioFormat.Mp3)
        {
            // ffmpeg does not read ID3's UFID; TagLib checks it below.
            Assert.Equal(Ids.RecordingId, Value(tags, format == AudioFormat.M4a ? "MusicBrainz Track Id" : "MUSICBRAINZ_TRACKID"));
        }

        using var file = TagWriter.OpenFile(path, format);
        Assert.Equal(Ids.RecordingId, Tag(file, format).MusicBrainzTrackId);
        Assert.Equal(Ids.ArtistIds, ArtistIds(file, format));
    }

    [Theory]
    [InlineData(AudioFormat.Mp3)]
    [InlineData(AudioFormat.Wav)]
    public async Task Id3_gets_USLT_TXXX_and_the_MusicBrainz_UFID(AudioFormat format)
    {
        var path = await TaggedFile(format, Full());

        using var file = TagWriter.OpenFile(path, format);
        var id3 = (TagLib.Id3v2.Tag)file.GetTag(TagLib.TagTypes.Id3v2);
        Assert.Equal(Lyrics, Assert.Single(id3.GetFrames<TagLib.Id3v2.UnsynchronisedLyricsFrame>()).Text);
        Assert.Equal(["-6.54 dB"], TagLib.Id3v2.UserTextInformationFrame.Get(id3, "REPLAYGAIN_TRACK_GAIN", false)!.Text);
        Assert.Equal(["1.035142"], TagLib.Id3v2.UserTextInformationFrame.Get(id3, "REPLAYGAIN_ALBUM_PEAK", false)!.Text);
        Assert.Equal([Ids.ReleaseId!], TagLib.Id3v2.UserTextInformationFrame.Get(id3, "MusicBrainz Album Id", false)!.Text);
        Assert.Equal([Ids.ReleaseGroupId!], TagLib.Id3v2.UserTextInformationFrame.Get(id3, "MusicBrainz Release Group Id", false)!.Text);
        var ufid = TagLib.Id3v2.UniqueFileIdentifierFrame.Get(id3, "http://musicbrainz.org", false);
        Assert.Equal(Ids.RecordingId, ufid?.Identifier.ToString(TagLib.StringType.Latin1));
    }

    [Fact]
    public async Task Opus_also_gets_RFC_7845_R128_gains_relative_to_minus_23_LUFS()
    {
        var path = await TaggedFile(AudioFormat.Opus, Full());

        var tags = FfprobeTags(path);

        // -23 - (-11.46) = -11.54 dB = -2954.24/256 -> -2954; album -11 dB -> -2816.
        Assert.Equal("-2954", Value(tags, "R128_TRACK_GAIN"));
        Assert.Equal("-2816", Value(tags, "R128_ALBUM_GAIN"));
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public async Task Writing_without_lyrics_gain_or_ids_leaves_those_already_there(AudioFormat format)
    {
        var path = await TaggedFile(format, Full());

        await new TagWriter().WriteAsync(path, format, Plain() with { Title = "Changed" });

        using var file = TagWriter.OpenFile(path, format);
        var tag = Tag(file, format);
        Assert.Equal("Changed", tag.Title);
        Assert.Equal(Lyrics, tag.Lyrics);
        if (format == AudioFormat.Opus)
        {
            Assert.Equal("-2954", ((XiphComment)tag).GetFirstField("R128_TRACK_GAIN"));
        }
        else
        {
            Assert.Equal(-6.54, tag.ReplayGainTrackGain, 2);
        }

        Assert.Equal(Ids.RecordingId, tag.MusicBrainzTrackId);
        Assert.Equal(Ids.ReleaseId, tag.MusicBrainzReleaseId);
    }

    [Fact]
    public async Task Gain_text_is_culture_invariant()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("-6.54 dB", ReplayGainText.Gain(Track));
            Assert.Equal("0.988553", ReplayGainText.Peak(Track));
            var path = await TaggedFile(AudioFormat.Flac, Full());
            Assert.Equal("-6.54 dB", Value(FfprobeTags(path), "replaygain_track_gain"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task M4a_multi_values_are_one_freeform_atom_with_a_data_child_per_value()
    {
        var path = await TaggedFile(AudioFormat.M4a, Full());

        using var file = TagWriter.OpenFile(path, AudioFormat.M4a);
        var apple = (AppleTag)file.GetTag(TagLib.TagTypes.Apple);
        foreach (var (name, values) in new[] { ("ARTISTS", Full().Artists), ("MusicBrainz Artist Id", Ids.ArtistIds) })
        {
            var atom = Assert.Single(FreeformAtoms(apple, name));
            Assert.Equal(values, atom.Children.OfType<AppleDataBox>().Select(d => d.Text));
        }
    }

    [Fact]
    public async Task M4a_gain_has_the_lower_case_names_and_an_older_files_upper_case_and_repeated_atoms_are_replaced()
    {
        var path = Path.Combine(_folder, $".musicdl-{Guid.NewGuid():N}.part");
        _samples.CopyTo(AudioFormat.M4a, path);
        using (var old = TagWriter.OpenFile(path, AudioFormat.M4a))
        {
            // As musicdl wrote m4a before: an atom per value, upper-case ReplayGain names.
            var apple = (AppleTag)old.GetTag(TagLib.TagTypes.Apple, true);
            apple.SetDashBox("com.apple.iTunes", "REPLAYGAIN_TRACK_GAIN", "+9.99 dB");
            apple.SetDashBoxes("com.apple.iTunes", "ARTISTS", ["Old One", "Old Two"]);
            old.Save();
        }

        await new TagWriter().WriteAsync(path, AudioFormat.M4a, Full());

        using var file = TagWriter.OpenFile(path, AudioFormat.M4a);
        var tag = (AppleTag)file.GetTag(TagLib.TagTypes.Apple);
        Assert.Empty(FreeformAtoms(tag, "REPLAYGAIN_TRACK_GAIN"));
        Assert.Equal("-6.54 dB", tag.GetDashBox("com.apple.iTunes", "replaygain_track_gain"));
        Assert.Equal("1.035142", tag.GetDashBox("com.apple.iTunes", "replaygain_album_peak"));
        Assert.Equal(Full().Artists, Assert.Single(FreeformAtoms(tag, "ARTISTS")).Children.OfType<AppleDataBox>().Select(d => d.Text));
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public async Task A_compilation_is_flagged_where_each_format_keeps_it_and_only_then(AudioFormat format)
    {
        var compilation = await TaggedFile(format, Full() with { Compilation = true });
        var album = await TaggedFile(format, Full());

        Assert.True(IsCompilation(compilation, format));
        Assert.False(IsCompilation(album, format));
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public async Task MusicBrainz_album_artist_ids_are_written_under_Picards_name(AudioFormat format)
    {
        var path = await TaggedFile(format, Full());

        using var file = TagWriter.OpenFile(path, format);
        string[] ids = format switch
        {
            AudioFormat.Mp3 or AudioFormat.Wav => TagLib.Id3v2.UserTextInformationFrame.Get((TagLib.Id3v2.Tag)file.GetTag(TagLib.TagTypes.Id3v2), "MusicBrainz Album Artist Id", false)?.Text ?? [],
            AudioFormat.M4a => ((AppleTag)file.GetTag(TagLib.TagTypes.Apple)).GetDashBoxes("com.apple.iTunes", "MusicBrainz Album Artist Id") ?? [],
            _ => ((XiphComment)file.GetTag(TagLib.TagTypes.Xiph)).GetField("MUSICBRAINZ_ALBUMARTISTID"),
        };
        Assert.Equal(Ids.AlbumArtistIds, ids);
    }

    [Theory]
    [InlineData(AudioFormat.Flac)]
    [InlineData(AudioFormat.Opus)]
    public async Task Vorbis_comments_carry_both_names_of_the_totals(AudioFormat format)
    {
        var path = await TaggedFile(format, Full() with { TrackNumber = 3, TrackCount = 18, DiscNumber = 2, DiscCount = 2 });

        using var file = TagWriter.OpenFile(path, format);
        var xiph = (XiphComment)file.GetTag(TagLib.TagTypes.Xiph);
        Assert.Equal(("18", "18", "2", "2"), (xiph.GetFirstField("TRACKTOTAL"), xiph.GetFirstField("TOTALTRACKS"), xiph.GetFirstField("DISCTOTAL"), xiph.GetFirstField("TOTALDISCS")));
    }

    [Fact]
    public void Fingerprint_covers_lyrics_gain_and_ids_and_is_unchanged_without_them()
    {
        var plain = Plain();
        var prints = new[]
        {
            TagFingerprint.Compute(plain),
            TagFingerprint.Compute(plain with { Lyrics = Lyrics }),
            TagFingerprint.Compute(plain with { TrackLoudness = Track }),
            TagFingerprint.Compute(plain with { TrackLoudness = Track, AlbumLoudness = Album }),
            TagFingerprint.Compute(plain with { MusicBrainz = Ids }),
            TagFingerprint.Compute(plain with { MusicBrainz = Ids with { ReleaseId = null } }),
            TagFingerprint.Compute(plain with { MusicBrainz = Ids with { AlbumArtistIds = [] } }),
            TagFingerprint.Compute(plain with { Compilation = true }),
        };

        Assert.Equal(prints.Length, prints.Distinct().Count());

        // Pinned: the fingerprint of a file tagged before lyrics, gain and ids existed must not move.
        Assert.Equal(TagFingerprint.Compute(plain), TagFingerprint.Compute(plain with { Lyrics = null, TrackLoudness = null, MusicBrainz = null }));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static TagSet Plain() => TagSet.From(TestTracks.NonLatin(), "https://music.youtube.com/watch?v=dQw4w9WgXcQ", null);

    private static TagSet Full() => Plain() with { Lyrics = Lyrics, TrackLoudness = Track, AlbumLoudness = Album, MusicBrainz = Ids };

    private async Task<string> TaggedFile(AudioFormat format, TagSet tags)
    {
        var path = Path.Combine(_folder, $".musicdl-{Guid.NewGuid():N}.part");
        _samples.CopyTo(format, path);
        await new TagWriter().WriteAsync(path, format, tags);
        return path;
    }

    private static TagLib.Tag Tag(TagLib.File file, AudioFormat format) => format switch
    {
        AudioFormat.Mp3 or AudioFormat.Wav => file.GetTag(TagLib.TagTypes.Id3v2),
        AudioFormat.M4a => file.GetTag(TagLib.TagTypes.Apple),
        _ => file.GetTag(TagLib.TagTypes.Xiph),
    };

    private static string[] ArtistIds(TagLib.File file, AudioFormat format) => format switch
    {
        AudioFormat.Mp3 or AudioFormat.Wav => TagLib.Id3v2.UserTextInformationFrame.Get((TagLib.Id3v2.Tag)file.GetTag(TagLib.TagTypes.Id3v2), "MusicBrainz Artist Id", false)?.Text ?? [],
        AudioFormat.M4a => ((AppleTag)file.GetTag(TagLib.TagTypes.Apple)).GetDashBoxes("com.apple.iTunes", "MusicBrainz Artist Id") ?? [],
        _ => ((XiphComment)file.GetTag(TagLib.TagTypes.Xiph)).GetField("MUSICBRAINZ_ARTISTID"),
    };

    private static List<AppleAnnotationBox> FreeformAtoms(AppleTag apple, string name) =>
        apple.OfType<AppleAnnotationBox>()
            .Where(b => b.BoxType == "----" && b.Children.OfType<AppleAdditionalInfoBox>().Any(c => c.BoxType == "name" && c.Text == name))
            .ToList();

    private static bool IsCompilation(string path, AudioFormat format)
    {
        using var file = TagWriter.OpenFile(path, format);
        return format switch
        {
            AudioFormat.Mp3 or AudioFormat.Wav => TagLib.Id3v2.TextInformationFrame.Get((TagLib.Id3v2.Tag)file.GetTag(TagLib.TagTypes.Id3v2), "TCMP", false)?.Text is ["1"],
            AudioFormat.M4a => ((AppleTag)file.GetTag(TagLib.TagTypes.Apple)).IsCompilation,
            _ => ((XiphComment)file.GetTag(TagLib.TagTypes.Xiph)).GetFirstField("COMPILATION") == "1",
        };
    }

    private static string Value(Dictionary<string, string> tags, string key) =>
        tags.TryGetValue(key, out var value) ? value : throw new Xunit.Sdk.XunitException($"no '{key}' among: {string.Join(", ", tags.Keys)}");

    /// <summary>Every tag ffprobe sees, format and stream level, keys compared without case.</summary>
    private static Dictionary<string, string> FfprobeTags(string path)
    {
        var probe = MediaTools.Run("ffprobe", "-v", "error", "-show_format", "-show_streams", "-of", "json", path);
        Assert.Equal(0, probe.ExitCode);
        using var json = JsonDocument.Parse(probe.Stdout);
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var container in json.RootElement.GetProperty("streams").EnumerateArray().Append(json.RootElement.GetProperty("format")))
        {
            if (container.TryGetProperty("tags", out var t))
            {
                foreach (var p in t.EnumerateObject())
                {
                    tags[p.Name] = p.Value.GetString() ?? string.Empty;
                }
            }
        }

        return tags;
    }
}
