using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Library;
using MusicDl.Models;
using MusicDl.Tagging;
using MusicDl.Tests.Tagging;
using MusicDl.Tests.TestSupport;
using MusicDl.YouTube.Matching;

namespace MusicDl.Tests.Library;

public sealed class TrackLibraryTests : LibraryTestBase, IClassFixture<AudioSamples>
{
    private static readonly MatchResult Match = new() { Status = MatchStatus.Matched, VideoId = "dQw4w9WgXcQ", Provider = "youtube-music", Score = 0.97 };
    private readonly AudioSamples _samples;
    private int _produced;

    public TrackLibraryTests(AudioSamples samples) => _samples = samples;

    [Fact]
    public async Task Stored_track_is_tagged_recorded_and_then_present()
    {
        await using var library = await OpenAsync();
        var port = Port(library, "{artist}/{title}.{output-ext}");
        var planned = Planned(TestTracks.Make(), ("Road Trip", PlaylistA));
        Assert.False((await port.InspectAsync(planned, CancellationToken.None)).Present);

        var paths = await port.StoreAsync(planned, planned.Track, Match, ProduceAsync, CancellationToken.None);

        var expected = Path.Combine(Root, "Rick Astley", "Never Gonna Give You Up.mp3");
        Assert.Equal([expected], paths);
        using (var file = TagWriter.OpenFile(expected, AudioFormat.Mp3))
        {
            Assert.Equal("Never Gonna Give You Up", file.Tag.Title);
        }

        var record = await library.State.GetAsync("Rick Astley/Never Gonna Give You Up.mp3");
        Assert.Equal("dQw4w9WgXcQ", record!.VideoId);
        Assert.Equal([PlaylistA], record.Sources);
        Assert.NotNull(record.TagFingerprint);
        var presence = await port.InspectAsync(planned, CancellationToken.None);
        Assert.True(presence.Present);
        Assert.Equal(expected, presence.PrimaryPath);
        Assert.Empty(TempFilesUnderRoot());
    }

    [Fact]
    public async Task A_prepared_rerun_finds_an_unchanged_track_present_with_the_parts_it_lacks()
    {
        await using var library = await OpenAsync();
        var planned = Planned(TestTracks.Make(), ("Road Trip", PlaylistA));
        var paths = await Port(library, "{artist}/{title}.{output-ext}").StoreAsync(planned, planned.Track, Match, ProduceAsync, CancellationToken.None);
        var record = await library.State.GetAsync("Rick Astley/Never Gonna Give You Up.mp3");
        await library.State.RecordPlacedAsync(record! with { MissingParts = [FileParts.Cover] });

        var rerun = Port(library, "{artist}/{title}.{output-ext}");
        await rerun.PrepareAsync([planned], CancellationToken.None);
        var presence = await rerun.InspectAsync(planned, CancellationToken.None);

        Assert.True(presence.Present);
        Assert.Equal(paths, presence.Paths);
        Assert.Equal([FileParts.Cover], presence.MissingParts);
    }

    [Fact]
    public async Task A_prepared_rerun_adds_a_new_playlist_to_the_file_it_finds()
    {
        await using var library = await OpenAsync();
        var track = TestTracks.Make();
        await Port(library, "{artist}/{title}.{output-ext}").StoreAsync(Planned(track, ("Road Trip", PlaylistA)), track, Match, ProduceAsync, CancellationToken.None);
        var both = Planned(track, ("Road Trip", PlaylistA), ("Workout", PlaylistB));

        var rerun = Port(library, "{artist}/{title}.{output-ext}");
        await rerun.PrepareAsync([both], CancellationToken.None);

        Assert.True((await rerun.InspectAsync(both, CancellationToken.None)).Present);
        Assert.Equal([PlaylistA, PlaylistB], (await library.State.GetAsync("Rick Astley/Never Gonna Give You Up.mp3"))!.Sources);
    }

    [Fact]
    public async Task A_prepared_rerun_finds_a_deleted_file_absent()
    {
        await using var library = await OpenAsync();
        var planned = Planned(TestTracks.Make(), ("Road Trip", PlaylistA));
        var paths = await Port(library, "{artist}/{title}.{output-ext}").StoreAsync(planned, planned.Track, Match, ProduceAsync, CancellationToken.None);
        File.Delete(paths[0]);

        var rerun = Port(library, "{artist}/{title}.{output-ext}");
        await rerun.PrepareAsync([planned], CancellationToken.None);

        Assert.False((await rerun.InspectAsync(planned, CancellationToken.None)).Present);
    }

    [Fact]
    public async Task A_prepared_rerun_with_a_new_template_moves_the_file()
    {
        await using var library = await OpenAsync();
        var planned = Planned(TestTracks.Make(), ("Road Trip", PlaylistA));
        var old = await Port(library, "{artist}/{title}.{output-ext}").StoreAsync(planned, planned.Track, Match, ProduceAsync, CancellationToken.None);

        var rerun = Port(library, "{title}.{output-ext}");
        await rerun.PrepareAsync([planned], CancellationToken.None);
        var presence = await rerun.InspectAsync(planned, CancellationToken.None);

        Assert.True(presence.Present);
        Assert.Equal(Path.Combine(Root, "Never Gonna Give You Up.mp3"), presence.PrimaryPath);
        Assert.False(File.Exists(old[0]));
        Assert.Equal(1, _produced);
    }

    [Fact]
    public async Task A_track_in_two_playlists_is_produced_once_and_placed_at_both_paths()
    {
        await using var library = await OpenAsync();
        var port = Port(library, "{playlist}/{playlist-position} - {title}.{output-ext}");
        var planned = Planned(TestTracks.Make(), ("Road Trip", PlaylistA), ("Workout", PlaylistB));

        var paths = await port.StoreAsync(planned, planned.Track, Match, ProduceAsync, CancellationToken.None);

        Assert.Equal(1, _produced);
        Assert.Equal([Path.Combine(Root, "Road Trip", "01 - Never Gonna Give You Up.mp3"), Path.Combine(Root, "Workout", "01 - Never Gonna Give You Up.mp3")], paths);
        Assert.All(paths, p => Assert.True(File.Exists(p)));
        Assert.True((await port.InspectAsync(planned, CancellationToken.None)).Present);
    }

    [Fact]
    public async Task A_failed_production_leaves_no_file_and_no_temporary_file()
    {
        await using var library = await OpenAsync();
        var port = Port(library, "{artist}/{title}.{output-ext}");
        var planned = Planned(TestTracks.Make(), ("Road Trip", PlaylistA));

        await Assert.ThrowsAsync<TrackFailedException>(() => port.StoreAsync(
            planned,
            planned.Track,
            Match,
            async (temp, ct) =>
            {
                await File.WriteAllTextAsync(temp, "half", ct);
                await File.WriteAllTextAsync(temp + ".raw", "raw stream", ct);
                throw new TrackFailedException("download cut");
            },
            CancellationToken.None));

        Assert.DoesNotContain(Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories), f => !f.Contains(LibraryState.FolderName, StringComparison.Ordinal));
        Assert.Empty(await library.State.GetTempFilesAsync());
    }

    [Fact]
    public async Task Retag_writes_once_then_finds_the_tags_matching()
    {
        await using var library = await OpenAsync();
        var port = Port(library, "{artist}/{title}.{output-ext}");
        var planned = Planned(TestTracks.Make(), ("Road Trip", PlaylistA));
        await port.StoreAsync(planned, planned.Track, Match, ProduceAsync, CancellationToken.None);
        var corrected = planned.Track with { Isrc = "GBARL0000001" };

        Assert.True(await port.RetagAsync(planned, corrected, CancellationToken.None));
        Assert.False(await port.RetagAsync(planned, corrected, CancellationToken.None));
    }

    [Fact]
    public async Task Playlist_file_points_at_each_lists_own_copy_in_source_order()
    {
        await using var library = await OpenAsync();
        var port = Port(library, "{playlist}/{title}.{output-ext}");
        var first = TestTracks.Make();
        var second = TestTracks.Make(id: "7ouMYWpwJ422jRcDASZB7P", title: "Second");
        var source = Source("Workout", PlaylistB, second, first);
        var planned = new PlannedTrack(first, [new TrackContext(Source("Road Trip", PlaylistA, first), 1), new TrackContext(source, 2)]);
        var paths = await port.StoreAsync(planned, first, Match, ProduceAsync, CancellationToken.None);
        var secondPaths = await port.StoreAsync(new PlannedTrack(second, [new TrackContext(source, 1)]), second, Match, ProduceAsync, CancellationToken.None);

        await port.WritePlaylistAsync(source, new Dictionary<string, string> { [first.Id] = paths[0], [second.Id] = secondPaths[0] }, CancellationToken.None);

        Assert.Equal(
            "#EXTM3U\n#EXTINF:214,Rick Astley - Second\nWorkout/Second.mp3\n#EXTINF:214,Rick Astley - Never Gonna Give You Up\nWorkout/Never Gonna Give You Up.mp3\n",
            await File.ReadAllTextAsync(Path.Combine(Root, "Workout.m3u8")));
    }

    [Fact]
    public async Task Dry_run_inspection_claims_and_moves_nothing()
    {
        await using var library = await OpenAsync();
        await PlaceAsync(library, TestTracks.Make().Id, "Old/Never Gonna Give You Up.mp3", PlaylistA, "Old/{title}.{output-ext}");
        var port = new TrackLibrary(library, PathTemplate.Parse("{artist}/{title}.{output-ext}"), AudioFormat.Mp3, new TagWriter(), dryRun: true);
        var planned = Planned(TestTracks.Make(), ("Road Trip", PlaylistA));

        var presence = await port.InspectAsync(planned, CancellationToken.None);

        Assert.True(presence.Present);
        Assert.True(File.Exists(Path.Combine(Root, "Old", "Never Gonna Give You Up.mp3")));
        Assert.False(File.Exists(presence.PrimaryPath));
        Assert.Null(await library.State.FindClaimAsync(planned.Track.Id, "Rick Astley/Never Gonna Give You Up.mp3"));
    }

    [Fact]
    public async Task The_album_pass_adds_the_album_gain_to_what_each_track_got_without_asking_for_lyrics_again()
    {
        await using var library = await OpenAsync();
        var lyrics = new CountingLyrics();
        var port = ReplayGainPort(library, extras: new TrackExtrasSource(lyrics, null));
        var tracks = await StoreTwoTrackAlbumAsync(port);

        // A picture put in one file after it was placed is kept: the pass reads the cover from the file.
        var first = Path.Combine(Root, "Rick Astley", "One.mp3");
        TagWriter.Write(first, AudioFormat.Mp3, new TagSet { Title = "One", Cover = new CoverArt(_samples.Cover, "image/jpeg") });
        lyrics.Asked = 0;

        await port.FinishAlbumsAsync(tracks.Select(t => (t.Planned, t.Planned.Track)).ToList(), [], CancellationToken.None);

        Assert.Equal(0, lyrics.Asked);
        foreach (var (planned, _) in tracks)
        {
            var path = Path.Combine(Root, "Rick Astley", planned.Track.Title + ".mp3");
            using var file = TagWriter.OpenFile(path, AudioFormat.Mp3);
            var id3 = (TagLib.Id3v2.Tag)file.GetTag(TagLib.TagTypes.Id3v2);
            Assert.Equal("la " + planned.Track.Title, file.Tag.Lyrics);
            Assert.Equal(planned.Track.Title, file.Tag.Title);
            Assert.Equal(["-8.45 dB"], TagLib.Id3v2.UserTextInformationFrame.Get(id3, "REPLAYGAIN_ALBUM_GAIN", false)?.Text ?? []);
        }

        Assert.Equal(_samples.Cover, TagWriter.ReadCover(first, AudioFormat.Mp3)?.Data);
    }

    [Fact]
    public async Task The_album_pass_leaves_a_file_alone_whose_written_picture_is_no_longer_in_it()
    {
        await using var library = await OpenAsync();
        using var http = new HttpClient(new CoverHandler(_samples.Cover));
        var port = ReplayGainPort(library, covers: new CoverArtProvider(http, TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray)));
        var tracks = await StoreTwoTrackAlbumAsync(port);

        // The picture written to "One" is taken out of the file before the album pass (another tool, a failed write).
        var one = Path.Combine(Root, "Rick Astley", "One.mp3");
        var two = Path.Combine(Root, "Rick Astley", "Two.mp3");
        Assert.Equal(_samples.Cover, TagWriter.ReadCover(one, AudioFormat.Mp3)?.Data);
        using (var file = TagWriter.OpenFile(one, AudioFormat.Mp3))
        {
            file.Tag.Pictures = [];
            file.Save();
        }

        var before = await File.ReadAllBytesAsync(one);

        await port.FinishAlbumsAsync(tracks.Select(t => (t.Planned, t.Planned.Track)).ToList(), [], CancellationToken.None);

        // "One" is not rewritten from tags that would now carry no picture; "Two" gets the album gain and keeps its cover.
        Assert.Equal(before, await File.ReadAllBytesAsync(one));
        Assert.Equal(_samples.Cover, TagWriter.ReadCover(two, AudioFormat.Mp3)?.Data);
        using var second = TagWriter.OpenFile(two, AudioFormat.Mp3);
        var id3 = (TagLib.Id3v2.Tag)second.GetTag(TagLib.TagTypes.Id3v2);
        Assert.Equal(["-8.45 dB"], TagLib.Id3v2.UserTextInformationFrame.Get(id3, "REPLAYGAIN_ALBUM_GAIN", false)?.Text ?? []);
    }

    private static TrackLibrary ReplayGainPort(MusicLibrary library, CoverArtProvider? covers = null, TrackExtrasSource? extras = null) =>
        new(
            library,
            PathTemplate.Parse("{artist}/{title}.{output-ext}"),
            AudioFormat.Mp3,
            new TagWriter(),
            covers: covers,
            tagsRegion: TestCache.Region(CacheRegions.Tags, TaggingJsonContext.Default.KnownTags),
            extras: extras,
            replayGain: true);

    /// <summary>Places "One" (-12 LUFS) and "Two" (-8 LUFS), the whole of a two-track album, through <paramref name="port"/>.</summary>
    private async Task<List<(PlannedTrack Planned, double Lufs)>> StoreTwoTrackAlbumAsync(TrackLibrary port)
    {
        var tracks = new[] { ("t1", "One", -12.0), ("t2", "Two", -8.0) }.Select(t =>
        {
            var track = TestTracks.Make(id: t.Item1, title: t.Item2);
            return (Planned: Planned(track with { Album = track.Album with { TotalTracks = 2 } }), Lufs: t.Item3);
        }).ToList();
        foreach (var (planned, lufs) in tracks)
        {
            await port.StoreAsync(planned, planned.Track, Match, (path, _) =>
            {
                _samples.CopyTo(AudioFormat.Mp3, path);
                return Task.FromResult<MusicDl.Audio.Loudness?>(new MusicDl.Audio.Loudness(lufs, -1.0));
            }, CancellationToken.None);
        }

        return tracks;
    }

    private static TrackLibrary Port(MusicLibrary library, string template) =>
        new(library, PathTemplate.Parse(template), AudioFormat.Mp3, new TagWriter(), tagsRegion: TestCache.Region(CacheRegions.Tags, TaggingJsonContext.Default.KnownTags));

    private static ResolvedSource Source(string name, string uri, params Track[] tracks) =>
        new(new SpotifySource(SourceKind.Playlist, uri.Split(':')[^1], uri), name, tracks.Select((t, i) => SourceEntry.Supported(i + 1, t)).ToArray());

    private static PlannedTrack Planned(Track track, params (string Name, string Uri)[] lists) =>
        new(track, lists.Select(l => new TrackContext(Source(l.Name, l.Uri, track), 1)).ToArray());

    /// <summary>Answers every request with the sample cover, as Spotify's image host would.</summary>
    private sealed class CoverHandler(byte[] jpeg) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(jpeg) });
    }

    private sealed class CountingLyrics : MusicDl.Lyrics.ILyricsSource
    {
        public int Asked;

        public Task<MusicDl.Lyrics.TrackLyrics?> FindAsync(MusicDl.Lyrics.LyricsQuery query, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Asked);
            return Task.FromResult<MusicDl.Lyrics.TrackLyrics?>(new MusicDl.Lyrics.TrackLyrics(null, "la " + query.Title));
        }
    }

    private Task<MusicDl.Audio.Loudness?> ProduceAsync(string path, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _produced);
        _samples.CopyTo(AudioFormat.Mp3, path);
        return Task.FromResult<MusicDl.Audio.Loudness?>(null);
    }
}
