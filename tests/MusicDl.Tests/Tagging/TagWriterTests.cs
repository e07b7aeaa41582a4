using System.Text.Json;
using MusicDl.Configuration;
using MusicDl.Tagging;
using MusicDl.Tests.Library;
using TagLib.Mpeg4;
using TagLib.Ogg;

namespace MusicDl.Tests.Tagging;

public sealed class TagWriterTests : IClassFixture<AudioSamples>, IDisposable
{
    private const string YouTubeUrl = "https://music.youtube.com/watch?v=dQw4w9WgXcQ";
    private readonly AudioSamples _samples;
    private readonly string _folder = Directory.CreateTempSubdirectory("musicdl-tags-").FullName;

    public TagWriterTests(AudioSamples samples) => _samples = samples;

    public static TheoryData<AudioFormat> AllFormats => new(AudioSamples.Formats);

    public static TheoryData<AudioFormat> RichFormats =>
        new(AudioFormat.Mp3, AudioFormat.M4a, AudioFormat.Opus, AudioFormat.Ogg, AudioFormat.Flac);

    [Theory]
    [MemberData(nameof(AllFormats))]
    public async Task Every_field_round_trips_through_TagLib_in_non_Latin_text(AudioFormat format)
    {
        var tags = NonLatinTags();
        var path = await TaggedFile(format, tags);

        using var file = TagWriter.OpenFile(path, format);
        var tag = format switch
        {
            AudioFormat.Mp3 or AudioFormat.Wav => file.GetTag(TagLib.TagTypes.Id3v2),
            AudioFormat.M4a => file.Tag,
            _ => file.GetTag(TagLib.TagTypes.Xiph),
        };
        Assert.Equal(tags.Title, tag.Title);
        Assert.Equal("YOASOBI, Ñandú Ω, عمرو دياب", tag.JoinedPerformers);
        Assert.Equal(tags.Album, tag.Album);
        Assert.Equal("ヨアソビ", tag.FirstAlbumArtist);
        Assert.Equal(3u, tag.Track);
        Assert.Equal(12u, tag.TrackCount);
        Assert.Equal(2u, tag.Disc);
        Assert.Equal(2u, tag.DiscCount);
        Assert.Equal(2019u, tag.Year);
        Assert.Equal(["j-pop", "アニソン"], tag.Genres);
        Assert.Equal("JPP301900372", tag.ISRC);
        Assert.Equal(tags.Label, tag.Publisher);
        Assert.Equal(tags.Copyright, tag.Copyright);
        Assert.Equal(tags.Artists, Custom(file, format, format is AudioFormat.Mp3 or AudioFormat.Wav ? "Artists" : "ARTISTS"));
        Assert.Equal([tags.SpotifyUrl!], Custom(file, format, "SPOTIFY_URL"));
        Assert.Equal([YouTubeUrl], Custom(file, format, "YOUTUBE_URL"));
        Assert.Equal("2019-12", ReleaseDate(file, format));
        Assert.True(IsExplicit(file, format));
        var picture = Assert.Single(file.Tag.Pictures);
        Assert.Equal(TagLib.PictureType.FrontCover, picture.Type);
        Assert.Equal("image/jpeg", picture.MimeType);
        Assert.Equal(_samples.Cover, picture.Data.Data);
    }

    [Theory]
    [MemberData(nameof(RichFormats))]
    public async Task Every_field_round_trips_through_ffprobe(AudioFormat format)
    {
        var tags = NonLatinTags();
        var path = await TaggedFile(format, tags);

        var values = FfprobeTagValues(path);

        AssertBasics(values, tags);
        foreach (var expected in new[] { tags.Isrc!, tags.Label!, tags.SpotifyUrl!, YouTubeUrl, "2019-12" })
        {
            Assert.Contains(expected, values);
        }
    }

    [Fact]
    public async Task Wav_INFO_chunk_gives_ffprobe_title_artists_album_track_genres_year_and_copyright()
    {
        var tags = NonLatinTags();
        var path = await TaggedFile(AudioFormat.Wav, tags);

        var values = FfprobeTagValues(path);

        AssertBasics(values, tags);
        Assert.Contains("j-pop; アニソン", values);
    }

    [Theory]
    [MemberData(nameof(RichFormats))]
    public async Task Embedded_cover_is_seen_and_decoded_by_ffmpeg(AudioFormat format)
    {
        var path = await TaggedFile(format, NonLatinTags());

        var probe = MediaTools.Run("ffprobe", "-v", "error", "-show_streams", "-of", "json", path);
        using var json = JsonDocument.Parse(probe.Stdout);
        var video = json.RootElement.GetProperty("streams").EnumerateArray()
            .Single(s => s.GetProperty("codec_type").GetString() == "video");
        Assert.Equal("mjpeg", video.GetProperty("codec_name").GetString());

        var decoded = Path.Combine(_folder, "cover-out.png");
        MediaTools.Ffmpeg("-i", path, "-map", "0:v:0", "-frames:v", "1", decoded);
        Assert.True(new FileInfo(decoded).Length > 0);
    }

    [Fact]
    public async Task Mp3_is_ID3v2_4_by_default_with_the_day_date_readable_by_ffprobe()
    {
        var tags = TagSet.From(TestTracks.Make(), YouTubeUrl, null);
        var path = await TaggedFile(AudioFormat.Mp3, tags);

        using (var file = TagWriter.OpenFile(path, AudioFormat.Mp3))
        {
            Assert.Equal(4, ((TagLib.Id3v2.Tag)file.GetTag(TagLib.TagTypes.Id3v2)).Version);
            Assert.Equal(TagLib.TagTypes.Id3v2, file.TagTypesOnDisk);
        }

        Assert.Contains("1987-11-12", FfprobeTagValues(path));
    }

    [Fact]
    public async Task Id3v2_3_on_request_joins_multiple_values_with_a_slash_as_Picard_does()
    {
        var tags = NonLatinTags() with { Genres = ["Pop", "Rock"], Cover = null };
        var path = Path.Combine(_folder, $".musicdl-{Guid.NewGuid():N}.part");
        _samples.CopyTo(AudioFormat.Mp3, path);

        var fingerprint = await new TagWriter(Id3Version.V23).WriteAsync(path, AudioFormat.Mp3, tags);

        using var file = TagWriter.OpenFile(path, AudioFormat.Mp3);
        var id3 = (TagLib.Id3v2.Tag)file.GetTag(TagLib.TagTypes.Id3v2);
        Assert.Equal(3, id3.Version);
        Assert.Equal([string.Join("/", tags.Artists)], TagLib.Id3v2.UserTextInformationFrame.Get(id3, "Artists", false)!.Text);

        // TagLib splits a 2.3 TCON at "/" when reading: the bytes show it was written joined.
        Assert.True(Contains(await System.IO.File.ReadAllBytesAsync(path), System.Text.Encoding.Unicode.GetBytes("Pop/Rock")), "2.3 genres not joined with /");

        // Switching the version rewrites the files on the next --overwrite metadata.
        Assert.NotEqual(TagFingerprint.Compute(tags), fingerprint);
        Assert.Equal(new TagWriter(Id3Version.V23).Fingerprint(tags), fingerprint);
    }

    [Fact]
    public async Task Id3v2_4_keeps_each_value_of_a_multi_value_frame()
    {
        var tags = NonLatinTags() with { Genres = ["Pop", "Rock"], Cover = null };
        var path = await TaggedFile(AudioFormat.Mp3, tags);

        using var file = TagWriter.OpenFile(path, AudioFormat.Mp3);
        var id3 = (TagLib.Id3v2.Tag)file.GetTag(TagLib.TagTypes.Id3v2);
        Assert.Equal(tags.Artists, TagLib.Id3v2.UserTextInformationFrame.Get(id3, "Artists", false)!.Text);
        Assert.Equal(["Pop", "Rock"], id3.Genres);
    }

    [Theory]
    [InlineData(Id3Version.V24)]
    [InlineData(Id3Version.V23)]
    public async Task Genres_that_ID3v1_knows_stay_text(Id3Version version)
    {
        var path = Path.Combine(_folder, $".musicdl-{Guid.NewGuid():N}.part");
        _samples.CopyTo(AudioFormat.Mp3, path);
        await new TagWriter(version).WriteAsync(path, AudioFormat.Mp3, NonLatinTags() with { Genres = ["Pop", "Rock"], Cover = null });

        // Readers differ in mapping "(13)" back to a name, so look at the bytes of the tag itself (2.4 in UTF-8, 2.3 in UTF-16).
        var bytes = await System.IO.File.ReadAllBytesAsync(path);
        var encoding = version == Id3Version.V24 ? System.Text.Encoding.UTF8 : System.Text.Encoding.Unicode;
        Assert.True(Contains(bytes, encoding.GetBytes("Pop")), "genre text missing");
        Assert.False(Contains(bytes, encoding.GetBytes("(13)")) || Contains(bytes, "(13)"u8.ToArray()), "numeric genre written");
        Assert.True(Contains(bytes, encoding.GetBytes(version == Id3Version.V24 ? "Pop\0Rock" : "Pop/Rock")), "genres not as the version defines multiple values");
    }

    [Fact]
    public async Task M4a_carries_the_explicit_advisory_atom()
    {
        var path = await TaggedFile(AudioFormat.M4a, NonLatinTags());

        using var json = JsonDocument.Parse(MediaTools.Run("ffprobe", "-v", "error", "-show_format", "-of", "json", path).Stdout);
        Assert.Equal("1", json.RootElement.GetProperty("format").GetProperty("tags").GetProperty("rating").GetString());
    }

    [Theory]
    [MemberData(nameof(RichFormats))]
    public async Task Retagging_replaces_values_and_drops_emptied_ones(AudioFormat format)
    {
        var path = await TaggedFile(format, NonLatinTags());
        var changed = NonLatinTags() with { Title = "New title", SourceUrl = null, Explicit = false, Cover = null };

        await new TagWriter().WriteAsync(path, format, changed);

        using var file = TagWriter.OpenFile(path, format);
        Assert.Equal("New title", file.Tag.Title);
        Assert.Empty(Custom(file, format, "YOUTUBE_URL"));
        Assert.False(IsExplicit(file, format));
        Assert.Empty(file.Tag.Pictures);
    }

    [Fact]
    public async Task A_file_that_is_not_of_the_stated_format_gives_a_clear_error()
    {
        var path = Path.Combine(_folder, ".bogus.part");
        await System.IO.File.WriteAllTextAsync(path, "not audio at all");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new TagWriter().WriteAsync(path, AudioFormat.Flac, NonLatinTags()));
        Assert.Contains("flac", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_changes_with_any_value_and_with_the_cover()
    {
        var tags = NonLatinTags();
        var fingerprints = new[]
        {
            TagFingerprint.Compute(tags),
            TagFingerprint.Compute(tags with { Title = tags.Title + " " }),
            TagFingerprint.Compute(tags with { Artists = ["YOASOBI, Ñandú Ω", "عمرو دياب"] }),
            TagFingerprint.Compute(tags with { Explicit = false }),
            TagFingerprint.Compute(tags with { Cover = new CoverArt([1, 2, 3], "image/jpeg") }),
            TagFingerprint.Compute(tags with { Cover = null }),
            TagFingerprint.Compute(tags with { ReleaseDate = "2019" }),
        };

        Assert.Equal(fingerprints.Length, fingerprints.Distinct().Count());
        Assert.Equal(fingerprints[0], TagFingerprint.Compute(NonLatinTags()));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private TagSet NonLatinTags() => TagSet.From(TestTracks.NonLatin(), YouTubeUrl, new CoverArt(_samples.Cover, "image/jpeg"));

    // Hidden temporary names like the placement uses: the format must come from the caller.
    private async Task<string> TaggedFile(AudioFormat format, TagSet tags)
    {
        var path = Path.Combine(_folder, $".musicdl-{Guid.NewGuid():N}.part");
        _samples.CopyTo(format, path);
        var fingerprint = await new TagWriter().WriteAsync(path, format, tags);
        Assert.Equal(TagFingerprint.Compute(tags), fingerprint);
        return path;
    }

    private static void AssertBasics(List<string> values, TagSet tags)
    {
        foreach (var expected in new[] { tags.Title, "YOASOBI, Ñandú Ω, عمرو دياب", tags.Album!, "ヨアソビ", "j-pop", tags.Copyright! })
        {
            Assert.True(values.Exists(v => v.Contains(expected, StringComparison.Ordinal)), $"{expected} not in {string.Join(" | ", values)}");
        }

        Assert.Contains(values, v => v.StartsWith("2019", StringComparison.Ordinal));
        Assert.True(values.Exists(v => v is "3" or "03" or "3/12" or "03/12"), $"track 3 not in {string.Join(" | ", values)}");
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static List<string> FfprobeTagValues(string path)
    {
        var probe = MediaTools.Run("ffprobe", "-v", "error", "-show_format", "-show_streams", "-of", "json", path);
        Assert.Equal(0, probe.ExitCode);
        using var json = JsonDocument.Parse(probe.Stdout);
        var values = new List<string>();
        var containers = json.RootElement.GetProperty("streams").EnumerateArray().Append(json.RootElement.GetProperty("format"));
        foreach (var container in containers)
        {
            if (container.TryGetProperty("tags", out var tags))
            {
                values.AddRange(tags.EnumerateObject().Select(p => p.Value.GetString() ?? string.Empty));
            }
        }

        return values;
    }

    private static string[] Custom(TagLib.File file, AudioFormat format, string name) => format switch
    {
        AudioFormat.Mp3 or AudioFormat.Wav => TagLib.Id3v2.UserTextInformationFrame.Get(
            (TagLib.Id3v2.Tag)file.GetTag(TagLib.TagTypes.Id3v2), name, false)?.Text ?? [],
        AudioFormat.M4a => ((AppleTag)file.GetTag(TagLib.TagTypes.Apple)).GetDashBoxes("com.apple.iTunes", name) ?? [],
        _ => ((XiphComment)file.GetTag(TagLib.TagTypes.Xiph)).GetField(name),
    };

    private static string? ReleaseDate(TagLib.File file, AudioFormat format) => format switch
    {
        AudioFormat.Mp3 or AudioFormat.Wav => Custom(file, format, "RELEASEDATE").SingleOrDefault(),
        AudioFormat.M4a => ((AppleTag)file.GetTag(TagLib.TagTypes.Apple)).GetText(new TagLib.ByteVector([0xA9, (byte)'d', (byte)'a', (byte)'y'])).SingleOrDefault(),
        _ => ((XiphComment)file.GetTag(TagLib.TagTypes.Xiph)).GetFirstField("DATE"),
    };

    private static bool IsExplicit(TagLib.File file, AudioFormat format)
    {
        if (format == AudioFormat.M4a)
        {
            var box = ((AppleTag)file.GetTag(TagLib.TagTypes.Apple)).DataBoxes("rtng").Single();
            return box.Data[0] == 1;
        }

        return Custom(file, format, "ITUNESADVISORY").SequenceEqual(["1"]);
    }
}
