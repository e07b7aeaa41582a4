using MusicDl.Fakes.MusicBrainz;
using MusicDl.Fakes.Spotify;
using MusicDl.Fakes.YouTubeMusic;
using Xunit.Abstractions;

namespace MusicDl.Tests.EndToEnd;

/// <summary>
/// Issue 23: a Various Artists compilation on two discs, tracks by two artists, MusicBrainz and ReplayGain on, read
/// back by beets' mediafile and mutagen (nobody here wrote them) and checked against loudgain, in each format. The
/// format cases share one download of each format (<see cref="PicardTagsWorld"/>); each asserts its own.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PicardTagsEndToEndTests(PicardTagsWorld picard, ITestOutputHelper output) : IClassFixture<PicardTagsWorld>
{
    private const int Tracks = PicardTagsWorld.Tracks;
    private const string Second = PicardTagsWorld.Second;
    private static readonly string[] ArtistMbids = PicardTagsWorld.ArtistMbids;
    private const string VariousMbid = PicardTagsWorld.VariousMbid;

    [Theory]
    [InlineData("m4a")]
    [InlineData("mp3")]
    [InlineData("opus")]
    [InlineData("flac")]
    public async Task Mediafile_reads_every_picard_field_and_loudgain_agrees_on_the_gains(string format)
    {
        var (run, files) = picard.Downloads[format];

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Tracks, files.Count);
        await AssertPicardFieldsAsync(format, picard.Read.Where(r => files.Contains(r.Path)).ToList());
    }

    [Fact]
    public async Task Overwrite_metadata_brings_files_tagged_the_old_way_up_to_date_without_youtube()
    {
        picard.World.WriteConfig(picard.World.Config("  lyrics: none\n  musicbrainz: true\n  replaygain: true\n"));
        var first = await picard.World.RunAsync("download", FakeWorld.AlbumUrl(picard.Album)).WaitAsync(PicardTagsWorld.RunLimit);
        Assert.True(first.ExitCode == 0, first.ToString());
        var files = FakeWorld.AudioFiles(picard.World.Sandbox.Library);
        var covers = files.Select(CoverBytes).ToList();

        // As musicdl wrote m4a before issue 23: an atom per value, upper-case ReplayGain names, no compilation flag.
        foreach (var path in files)
        {
            using var file = TagLib.File.Create(path, "taglib/m4a", TagLib.ReadStyle.Average);
            var apple = (TagLib.Mpeg4.AppleTag)file.GetTag(TagLib.TagTypes.Apple, true);
            var gain = apple.GetDashBox("com.apple.iTunes", "replaygain_track_gain");
            apple.SetDashBox("com.apple.iTunes", "replaygain_track_gain", string.Empty);
            apple.SetDashBox("com.apple.iTunes", "REPLAYGAIN_TRACK_GAIN", "+9.99 dB");
            apple.SetDashBox("com.apple.iTunes", "ARTISTS", string.Empty);
            apple.SetDashBoxes("com.apple.iTunes", "ARTISTS", [picard.First, Second]);
            apple.IsCompilation = false;
            Assert.NotNull(gain);
            file.Save();
        }

        var (players, media) = (picard.World.PlayerRequests, picard.World.MediaRequests);
        var upgrade = new RunOutput(await picard.World.RunAsync("download", FakeWorld.AlbumUrl(picard.Album), "--overwrite", "metadata", "--json").WaitAsync(PicardTagsWorld.RunLimit));

        Assert.True(upgrade.Result.ExitCode == 0, upgrade.ToString());
        Assert.Equal(Tracks, upgrade.WithStatus("retagged").Count);
        Assert.Equal((players, media), (picard.World.PlayerRequests, picard.World.MediaRequests));
        var read = await ForeignReaders.ReadAsync(files);
        await AssertPicardFieldsAsync("m4a", read);
        Assert.All(read, r => Assert.DoesNotContain("----:com.apple.iTunes:REPLAYGAIN_TRACK_GAIN", r.Keys));
        Assert.Equal(covers, files.Select(CoverBytes));
    }

    [Fact]
    public async Task The_album_gain_of_tracks_at_different_levels_agrees_with_loudgains_album_pass()
    {
        // Tracks of different levels, one with a wide loudness range: a length-weighted mean of track values is not the
        // gated album value a ReplayGain 2.0 scanner gives (that estimate is only the fallback now).
        var folder = Directory.CreateTempSubdirectory("musicdl-album-gain-").FullName;
        try
        {
            var files = new List<string>();
            foreach (var (source, volume, seconds) in new[] { ("anoisesrc=color=pink:amplitude=0.3", "volume='0.5+0.45*sin(t*2)':eval=frame", 12), ("anoisesrc=color=pink:amplitude=0.3", "volume=-10dB", 20), ("sine=frequency=1000", "volume=-3dB", 8) })
            {
                var path = Path.Combine(folder, $"{files.Count + 1}.flac");
                var made = Tagging.MediaTools.Run("ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", $"{source}:duration={seconds}:sample_rate=48000", "-af", volume, "-ac", "2", "-c:a", "flac", path);
                Assert.True(made.ExitCode == 0, made.Stderr);
                files.Add(path);
            }

            var converter = new MusicDl.Audio.AudioConverter("ffmpeg");
            var tracks = new List<(MusicDl.Audio.Loudness, TimeSpan)>();
            for (var i = 0; i < files.Count; i++)
            {
                tracks.Add((await converter.MeasureAsync(files[i]), TimeSpan.FromSeconds(new[] { 12, 20, 8 }[i])));
            }

            var album = await converter.MeasureAlbumAsync(files);
            var (_, loudgainAlbum) = await ForeignReaders.LoudgainAsync(files);

            output.WriteLine($"album: ours {album.ReplayGainDb:0.00} dB, weighted mean {MusicDl.Audio.Loudness.Album(tracks).ReplayGainDb:0.00} dB, loudgain {loudgainAlbum:0.00} dB");
            Assert.InRange(album.ReplayGainDb - loudgainAlbum, -0.1, 0.1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static byte[]? CoverBytes(string path)
    {
        using var file = TagLib.File.Create(path, "taglib/m4a", TagLib.ReadStyle.Average);
        return file.Tag.Pictures.FirstOrDefault()?.Data.Data;
    }

    private async Task AssertPicardFieldsAsync(string format, IReadOnlyList<ReadTags> read)
    {
        var ordered = read.OrderBy(r => r.Disc).ThenBy(r => r.Track).ToList();
        Assert.Equal([(1, 1), (1, 2), (2, 1), (2, 2)], ordered.Select(r => (r.Disc ?? 0, r.Track ?? 0)));
        foreach (var r in ordered)
        {
            var name = Path.GetFileName(r.Path);
            Assert.True(r.Artists.SequenceEqual([picard.First, Second]), $"{name}: artists {string.Join(" | ", r.Artists)}");
            Assert.True(r.ArtistIds.SequenceEqual(ArtistMbids), $"{name}: MusicBrainz artist ids {string.Join(" | ", r.ArtistIds)}");
            Assert.True(r.AlbumArtistIds.SequenceEqual([VariousMbid]), $"{name}: MusicBrainz album artist ids {string.Join(" | ", r.AlbumArtistIds)}");
            Assert.True(r.Compilation == true, $"{name}: compilation {r.Compilation}");

            // Picard's totals: the tracks of this disc, and the discs.
            Assert.True((r.TrackTotal, r.DiscTotal) == (2, 2), $"{name}: track total {r.TrackTotal}, disc total {r.DiscTotal}");
            if (format == "opus")
            {
                Assert.True(r.R128TrackGain is not null && r.R128AlbumGain is not null, $"{name}: R128 gains {r.R128TrackGain} {r.R128AlbumGain}");
                Assert.DoesNotContain(r.Keys, k => k.StartsWith("REPLAYGAIN", StringComparison.OrdinalIgnoreCase));
            }
            else
            {
                Assert.True(r.TrackGain is not null && r.TrackPeak is > 0 && r.AlbumGain is not null && r.AlbumPeak is > 0, $"{name}: ReplayGain {r.TrackGain} {r.TrackPeak} {r.AlbumGain} {r.AlbumPeak}");
            }

            if (format == "mp3")
            {
                Assert.Equal([2, 4, 0], r.Id3Version);
                Assert.Contains("TXXX:Artists", r.Keys);
            }

            if (format == "flac")
            {
                Assert.Contains(r.Keys, k => k.Equals("TOTALTRACKS", StringComparison.OrdinalIgnoreCase));
                Assert.Contains(r.Keys, k => k.Equals("TOTALDISCS", StringComparison.OrdinalIgnoreCase));
            }
        }

        var (trackGains, albumGain) = await ForeignReaders.LoudgainAsync(ordered.Select(r => r.Path).ToList());
        foreach (var r in ordered)
        {
            var name = Path.GetFileName(r.Path);

            // Opus: R128 gains aim at -23 LUFS, ReplayGain 2.0 at -18: 5 dB apart.
            var ours = format == "opus" ? r.R128TrackGain!.Value + 5 : r.TrackGain!.Value;
            var ourAlbum = format == "opus" ? r.R128AlbumGain!.Value + 5 : r.AlbumGain!.Value;
            output.WriteLine($"{format} {name}: track {ours:0.00} dB, loudgain {trackGains[name]:0.00} dB; album {ourAlbum:0.00} dB, loudgain {albumGain:0.00} dB");
            Assert.True(Math.Abs(ours - trackGains[name]) <= 0.1, $"{name}: track gain {ours:0.00} dB, loudgain {trackGains[name]:0.00} dB");
            Assert.True(Math.Abs(ourAlbum - albumGain) <= 0.1, $"{name}: album gain {ourAlbum:0.00} dB, loudgain {albumGain:0.00} dB");
        }
    }
}

/// <summary>
/// The compilation of <see cref="PicardTagsEndToEndTests"/> on one fake world, downloaded once in each format (each into
/// a library of its own; the first run asks MusicBrainz, the others find its answers cached) and read once: one
/// mediafile/mutagen process for every file. What each download printed is kept for its case to assert.
/// </summary>
public sealed class PicardTagsWorld : IAsyncLifetime
{
    public const int Tracks = 4;
    public const string Second = "Second Artist";
    public const string VariousMbid = "89ad4ac3-39f7-470e-963a-56509c546377";
    public static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(120);
    public static readonly string[] ArtistMbids = ["aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000002"];
    private static readonly string[] Formats = ["m4a", "mp3", "opus", "flac"];

    public FakeWorld World { get; private set; } = null!;

    public FakeAlbum Album { get; private set; } = null!;

    public string First { get; private set; } = null!;

    /// <summary>Each format's download and the audio files it placed.</summary>
    public Dictionary<string, (MusicDl.Tests.Harness.MusicDlResult Run, IReadOnlyList<string> Files)> Downloads { get; } = new(StringComparer.Ordinal);

    /// <summary>What mediafile read from every file of every format.</summary>
    internal IReadOnlyList<ReadTags> Read { get; private set; } = [];

    public async Task InitializeAsync()
    {
        // Given a published executable (CI's native AOT file, MUSICDL_TEST_BINARY), the downloads run on it: every
        // format's tags, MusicBrainz ids and ReplayGain are then what the shipped file writes, not only the JIT build.
        var published = MusicDl.Tests.Harness.MusicDlSandbox.FindCommand() is [_];
        World = await FakeWorld.StartAsync(inProcess: !published);
        var generated = World.Spotify.AddGeneratedAlbum(Tracks, discs: 2, albumType: "compilation");
        First = $"Artist {generated.ArtistIds[0][^4..]}";
        var second = FakeSpotifyIds.Next("ar");
        World.Spotify.AddArtist(second, Second, "pop");
        Album = generated with { Tracks = generated.Tracks.Select(t => t with { ArtistIds = [.. t.ArtistIds, second] }).ToArray() };
        World.Spotify.AddAlbum(Album);
        foreach (var (track, i) in Album.Tracks.Select((t, i) => (t, i)))
        {
            var videoId = FakeWorld.VideoIdOf(Album, i);
            World.Music.Add(FakeSong.Of(track, Album, First, videoId));
            World.Media.AddVideo(videoId);
            World.MusicBrainz.Add(track.Isrc!, new FakeMbRecording($"rec-{i}", track.Name, track.DurationMs)
            {
                Artists = [new FakeMbArtist(ArtistMbids[0], First), new FakeMbArtist(ArtistMbids[1], Second)],
                Releases = [new FakeMbRelease("release-mbid", Album.Name, "group-mbid") { Artists = [new FakeMbArtist(VariousMbid, "Various Artists")] }],
            });
        }

        World.WriteConfig(World.Config("  lyrics: none\n  musicbrainz: true\n  replaygain: true\n"));
        foreach (var format in Formats)
        {
            var library = Path.Combine(World.Sandbox.Root, format + "-library");
            var run = await World.RunAsync("download", FakeWorld.AlbumUrl(Album), "--format", format, "--output-dir", library).WaitAsync(RunLimit);
            Downloads[format] = (run, Directory.Exists(library) ? FakeWorld.AudioFiles(library, "." + format) : []);
        }

        var files = Downloads.Values.SelectMany(d => d.Files).ToList();
        Read = files.Count == 0 ? [] : await ForeignReaders.ReadAsync(files);
    }

    public async Task DisposeAsync() => await World.DisposeAsync();
}
