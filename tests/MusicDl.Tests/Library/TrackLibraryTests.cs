using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Library;
using MusicDl.Models;
using MusicDl.Tagging;
using MusicDl.Tests.Tagging;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.Library;

public sealed class TrackLibraryTests : LibraryTestBase, IClassFixture<AudioSamples>
{
    internal static readonly TrackMatch Match = new() { VideoId = "dQw4w9WgXcQ", Provider = "youtube-music", Score = 0.97 };
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

        var paths = await StoreAsync(port, planned, planned.Track, ProduceAsync);

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
        var paths = await StoreAsync(Port(library, "{artist}/{title}.{output-ext}"), planned, planned.Track, ProduceAsync);
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
        await StoreAsync(Port(library, "{artist}/{title}.{output-ext}"), Planned(track, ("Road Trip", PlaylistA)), track, ProduceAsync);
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
        var paths = await StoreAsync(Port(library, "{artist}/{title}.{output-ext}"), planned, planned.Track, ProduceAsync);
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
        var old = await StoreAsync(Port(library, "{artist}/{title}.{output-ext}"), planned, planned.Track, ProduceAsync);

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

        var paths = await StoreAsync(port, planned, planned.Track, ProduceAsync);

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

        await Assert.ThrowsAsync<TrackFailedException>(() => StoreAsync(
            port,
            planned,
            planned.Track,
            async (temp, ct) =>
            {
                await File.WriteAllTextAsync(temp, "half", ct);
                await File.WriteAllTextAsync(temp + ".raw", "raw stream", ct);
                throw new TrackFailedException("download cut");
            }));

        Assert.DoesNotContain(Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories), f => !f.Contains(LibraryState.FolderName, StringComparison.Ordinal));
        Assert.Empty(await library.State.GetTempFilesAsync());
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
        var paths = await StoreAsync(port, planned, first, ProduceAsync);
        var secondPaths = await StoreAsync(port, new PlannedTrack(second, [new TrackContext(source, 1)]), second, ProduceAsync);

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
        var port = new TrackLibrary(library, PathTemplate.Parse("{artist}/{title}.{output-ext}"), AudioFormat.Mp3, dryRun: true);
        var planned = Planned(TestTracks.Make(), ("Road Trip", PlaylistA));

        var presence = await port.InspectAsync(planned, CancellationToken.None);

        Assert.True(presence.Present);
        Assert.True(File.Exists(Path.Combine(Root, "Old", "Never Gonna Give You Up.mp3")));
        Assert.False(File.Exists(presence.PrimaryPath));
        Assert.Null(await library.State.FindClaimAsync(planned.Track.Id, "Rick Astley/Never Gonna Give You Up.mp3"));
    }

    internal static TrackLibrary Port(MusicLibrary library, string template, bool replayGain = false) =>
        new(library, PathTemplate.Parse(template), AudioFormat.Mp3, replayGain: replayGain);

    internal static TrackTagger Tagger(TrackLibrary port, CoverArtProvider? covers = null, TrackExtrasSource? extras = null, bool replayGain = false) =>
        new(port, new TagWriter(), covers, TestCache.Region(CacheRegions.Tags, TaggingJsonContext.Default.KnownTags), extras: extras, replayGain: replayGain);

    /// <summary>Stores a track as the pipeline does (stage, produce, tag, place), with <paramref name="tagger"/> or a plain one.</summary>
    internal static Task<IReadOnlyList<string>> StoreAsync(
        TrackLibrary port, PlannedTrack planned, Track full, Func<string, CancellationToken, Task<MusicDl.Audio.Loudness?>> produce, TrackTagger? tagger = null) =>
        Downloader.StoreAsync(port, new Producer(produce), tagger ?? Tagger(port), planned, full, Match, AudioFormat.Mp3, CancellationToken.None);

    /// <summary>A producer that writes the staged file with <paramref name="produce"/>.</summary>
    private sealed class Producer(Func<string, CancellationToken, Task<MusicDl.Audio.Loudness?>> produce) : IAudioProducer
    {
        public Task<MusicDl.Audio.Loudness?> ProduceAsync(TrackMatch match, AudioFormat format, string destinationPath, CancellationToken cancellationToken) =>
            produce(destinationPath, cancellationToken);
    }

    internal static ResolvedSource Source(string name, string uri, params Track[] tracks) =>
        new(new SpotifySource(SourceKind.Playlist, uri.Split(':')[^1], uri), name, tracks.Select((t, i) => SourceEntry.Supported(i + 1, t)).ToArray());

    internal static PlannedTrack Planned(Track track, params (string Name, string Uri)[] lists) =>
        new(track, lists.Select(l => new TrackContext(Source(l.Name, l.Uri, track), 1)).ToArray());

    private Task<MusicDl.Audio.Loudness?> ProduceAsync(string path, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _produced);
        _samples.CopyTo(AudioFormat.Mp3, path);
        return Task.FromResult<MusicDl.Audio.Loudness?>(null);
    }
}
