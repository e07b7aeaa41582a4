using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Library;
using MusicDl.Tagging;
using MusicDl.Tests.Library;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.Tagging;

public sealed class RetaggerTests : LibraryTestBase, IClassFixture<AudioSamples>
{
    private readonly AudioSamples _samples;

    public RetaggerTests(AudioSamples samples) => _samples = samples;

    [Fact]
    public async Task Second_metadata_pass_over_50_files_writes_nothing()
    {
        var tagsRegion = TestCache.Region(CacheRegions.Tags, TaggingJsonContext.Default.KnownTags);
        var paths = new List<string>();
        await using (var library = await OpenAsync())
        {
            for (var i = 1; i <= 50; i++)
            {
                var path = $"Artist/{i:D2} - Song.mp3";
                await PlaceSampleAsync(library, path, i);
                paths.Add(path);
            }

            var retagger = new Retagger(new TagWriter(), library, tagsRegion);
            foreach (var (path, i) in paths.Select((p, i) => (p, i + 1)))
            {
                Assert.Equal(RetagResult.Written, await retagger.RetagAsync(path, TrackId(i), AudioFormat.Mp3, Tags(i)));
            }
        }

        var before = paths.ToDictionary(p => p, p => File.GetLastWriteTimeUtc(Path.Combine(Root, p)));
        await using (var library = await OpenAsync())
        {
            // A fresh tags region: the state alone must be enough (a new run with an empty memory cache).
            var freshRegion = TestCache.Region(CacheRegions.Tags, TaggingJsonContext.Default.KnownTags);
            var retagger = new Retagger(new TagWriter(), library, freshRegion);
            foreach (var (path, i) in paths.Select((p, i) => (p, i + 1)))
            {
                Assert.Equal(RetagResult.Unchanged, await retagger.RetagAsync(path, TrackId(i), AudioFormat.Mp3, Tags(i)));
            }

            // The state's answers now front the next lookups from memory.
            Assert.Equal(50, freshRegion.Entries());
        }

        Assert.All(paths, p => Assert.Equal(before[p], File.GetLastWriteTimeUtc(Path.Combine(Root, p))));
        Assert.Empty(TempFilesUnderRoot());
    }

    [Fact]
    public async Task Changed_tags_are_written_and_the_state_follows()
    {
        await using var library = await OpenAsync();
        var path = "Artist/Song.mp3";
        await PlaceSampleAsync(library, path, 1);
        var retagger = new Retagger(new TagWriter(), library, TestCache.Region(CacheRegions.Tags, TaggingJsonContext.Default.KnownTags));
        await retagger.RetagAsync(path, TrackId(1), AudioFormat.Mp3, Tags(1));

        var changed = Tags(1) with { Title = "Renamed" };
        Assert.Equal(RetagResult.Written, await retagger.RetagAsync(path, TrackId(1), AudioFormat.Mp3, changed));

        var record = await library.State.GetAsync(path);
        Assert.Equal(TagFingerprint.Compute(changed), record!.TagFingerprint);
        Assert.Equal([PlaylistA], record.Sources);
        Assert.Equal("dQw4w9WgXcQ", record.VideoId);
        using var file = TagWriter.OpenFile(Path.Combine(Root, "Artist", "Song.mp3"), AudioFormat.Mp3);
        Assert.Equal("Renamed", file.Tag.Title);
    }

    [Fact]
    public async Task Known_tags_come_back_from_the_cache_file_in_the_next_run()
    {
        var path = "Artist/Song.mp3";
        var cacheFile = Path.Combine(Root, "cache.db");
        await using var library = await OpenAsync();
        await PlaceSampleAsync(library, path, 1);
        await using (var firstRun = TestCache.OnDisk(cacheFile, TimeProvider.System))
        {
            var retagger = new Retagger(new TagWriter(), library, firstRun.Region(CacheRegions.Tags, TaggingJsonContext.Default.KnownTags));
            Assert.Equal(RetagResult.Written, await retagger.RetagAsync(path, TrackId(1), AudioFormat.Mp3, Tags(1)));
        }

        await using var nextRun = TestCache.OnDisk(cacheFile, TimeProvider.System);
        var tagsRegion = nextRun.Region(CacheRegions.Tags, TaggingJsonContext.Default.KnownTags);
        var again = new Retagger(new TagWriter(), library, tagsRegion);

        Assert.Equal(RetagResult.Unchanged, await again.RetagAsync(path, TrackId(1), AudioFormat.Mp3, Tags(1)));
        Assert.Equal(1, tagsRegion.GetStatistics().PersistentHits);
        Assert.Empty(nextRun.Warnings.Messages);
    }

    [Fact]
    public async Task A_file_changed_behind_our_back_is_retagged_even_with_a_matching_fingerprint()
    {
        await using var library = await OpenAsync();
        var path = "Artist/Song.mp3";
        await PlaceSampleAsync(library, path, 1);
        var retagger = new Retagger(new TagWriter(), library);
        await retagger.RetagAsync(path, TrackId(1), AudioFormat.Mp3, Tags(1));

        File.SetLastWriteTimeUtc(Path.Combine(Root, "Artist", "Song.mp3"), new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(RetagResult.Written, await retagger.RetagAsync(path, TrackId(1), AudioFormat.Mp3, Tags(1)));
    }

    [Fact]
    public async Task Missing_file_is_reported_not_created()
    {
        await using var library = await OpenAsync();
        var retagger = new Retagger(new TagWriter(), library);

        Assert.Equal(RetagResult.Missing, await retagger.RetagAsync("Artist/None.mp3", TrackId(1), AudioFormat.Mp3, Tags(1)));
        Assert.False(File.Exists(Path.Combine(Root, "Artist", "None.mp3")));
    }

    private async Task PlaceSampleAsync(MusicLibrary library, string path, int i)
    {
        var temp = await library.CreateTempFileAsync(path);
        _samples.CopyTo(AudioFormat.Mp3, temp);
        await library.CommitAsync(temp, new PlacementRequest(path, TrackId(i), AudioFormat.Mp3) { Sources = [PlaylistA], VideoId = "dQw4w9WgXcQ" });
    }

    private static string TrackId(int i) => $"track{i:D18}xx";

    private TagSet Tags(int i) =>
        TagSet.From(TestTracks.Make(id: TrackId(i), title: $"Song {i}", trackNumber: i), "https://music.youtube.com/watch?v=dQw4w9WgXcQ", new CoverArt(_samples.Cover, "image/jpeg"));
}
