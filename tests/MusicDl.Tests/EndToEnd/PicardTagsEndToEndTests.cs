using MusicDl.Fakes.MusicBrainz;
using MusicDl.Fakes.Spotify;
using MusicDl.Fakes.YouTubeMusic;
using Xunit.Abstractions;

namespace MusicDl.Tests.EndToEnd;

/// <summary>
/// Issue 23: a Various Artists compilation on two discs, tracks by two artists, MusicBrainz and ReplayGain on, read
/// back by beets' mediafile and mutagen (nobody here wrote them) and checked against loudgain, in each format.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PicardTagsEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Tracks = 4;
    private const string Second = "Second Artist";
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(120);
    private static readonly string[] ArtistMbids = ["aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000002"];
    private const string VariousMbid = "89ad4ac3-39f7-470e-963a-56509c546377";

    private FakeWorld _world = null!;
    private FakeAlbum _album = null!;
    private string _first = null!;

    public async Task InitializeAsync()
    {
        _world = await FakeWorld.StartAsync(inProcess: true);
        var generated = _world.Spotify.AddGeneratedAlbum(Tracks, discs: 2, albumType: "compilation");
        _first = $"Artist {generated.ArtistIds[0][^4..]}";
        var second = FakeSpotifyIds.Next("ar");
        _world.Spotify.AddArtist(second, Second, "pop");
        _album = generated with { Tracks = generated.Tracks.Select(t => t with { ArtistIds = [.. t.ArtistIds, second] }).ToArray() };
        _world.Spotify.AddAlbum(_album);
        foreach (var (track, i) in _album.Tracks.Select((t, i) => (t, i)))
        {
            var videoId = FakeWorld.VideoIdOf(_album, i);
            _world.Music.Add(FakeSong.Of(track, _album, _first, videoId));
            _world.Media.AddVideo(videoId);
            _world.MusicBrainz.Add(track.Isrc!, new FakeMbRecording($"rec-{i}", track.Name, track.DurationMs)
            {
                Artists = [new FakeMbArtist(ArtistMbids[0], _first), new FakeMbArtist(ArtistMbids[1], Second)],
                Releases = [new FakeMbRelease("release-mbid", _album.Name, "group-mbid") { Artists = [new FakeMbArtist(VariousMbid, "Various Artists")] }],
            });
        }
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("m4a")]
    [InlineData("mp3")]
    [InlineData("opus")]
    [InlineData("flac")]
    public async Task Mediafile_reads_every_picard_field_and_loudgain_agrees_on_the_gains(string format)
    {
        _world.WriteConfig(_world.Config($"  lyrics: none\n  musicbrainz: true\n  replaygain: true\n").Replace("format: m4a", $"format: {format}", StringComparison.Ordinal));

        var run = await _world.RunAsync("download", FakeWorld.AlbumUrl(_album)).WaitAsync(RunLimit);

        Assert.True(run.ExitCode == 0, run.ToString());
        var files = FakeWorld.AudioFiles(_world.Sandbox.Library, "." + format);
        Assert.Equal(Tracks, files.Count);
        var read = await ForeignReaders.ReadAsync(files);
        await AssertPicardFieldsAsync(format, read);
    }

    [Fact]
    public async Task Overwrite_metadata_brings_files_tagged_the_old_way_up_to_date_without_youtube()
    {
        _world.WriteConfig(_world.Config("  lyrics: none\n  musicbrainz: true\n  replaygain: true\n"));
        var first = await _world.RunAsync("download", FakeWorld.AlbumUrl(_album)).WaitAsync(RunLimit);
        Assert.True(first.ExitCode == 0, first.ToString());
        var files = FakeWorld.AudioFiles(_world.Sandbox.Library);
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
            apple.SetDashBoxes("com.apple.iTunes", "ARTISTS", [_first, Second]);
            apple.IsCompilation = false;
            Assert.NotNull(gain);
            file.Save();
        }

        var (players, media) = (_world.PlayerRequests, _world.MediaRequests);
        var upgrade = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(_album), "--overwrite", "metadata", "--json").WaitAsync(RunLimit));

        Assert.True(upgrade.Result.ExitCode == 0, upgrade.ToString());
        Assert.Equal(Tracks, upgrade.WithStatus("retagged").Count);
        Assert.Equal((players, media), (_world.PlayerRequests, _world.MediaRequests));
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
            Assert.True(r.Artists.SequenceEqual([_first, Second]), $"{name}: artists {string.Join(" | ", r.Artists)}");
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
