using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Library;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.Library;

public sealed class PlacementTests : LibraryTestBase
{
    [Fact]
    public async Task Committed_file_is_at_its_path_with_no_temporary_file_left()
    {
        await using var library = await OpenAsync();

        var placed = await PlaceAsync(library, "track1", "Artist/Song.mp3");

        Assert.Equal("audiotrack1", await File.ReadAllTextAsync(Path.Combine(Root, "Artist", "Song.mp3")));
        Assert.Empty(TempFilesUnderRoot());
        Assert.Empty(await library.State.GetTempFilesAsync());
        Assert.Equal(11, placed.Size);
    }

    [Fact]
    public async Task Temporary_files_are_hidden_in_the_final_folder_and_recorded_while_in_flight()
    {
        await using var library = await OpenAsync();

        var temp = await library.CreateTempFileAsync("Artist/Album/Song.mp3");

        Assert.Equal(Path.Combine(Root, "Artist", "Album"), Path.GetDirectoryName(temp));
        Assert.StartsWith(".", Path.GetFileName(temp), StringComparison.Ordinal);
        Assert.Equal([temp], await library.State.GetTempFilesAsync());
    }

    [Fact]
    public async Task A_crash_before_commit_leaves_nothing_at_the_final_path_and_the_next_start_removes_only_its_temp_files()
    {
        string temp;
        var foreign = Path.Combine(Root, "Artist", ".not-ours.part");
        await using (var library = await OpenAsync())
        {
            temp = await library.CreateTempFileAsync("Artist/Song.mp3");
            await File.WriteAllTextAsync(temp, "half a downlo");
            await File.WriteAllTextAsync(foreign, "user file");

            // The process dies here: no commit, no discard.
        }

        Assert.False(File.Exists(Path.Combine(Root, "Artist", "Song.mp3")));

        await using var reopened = await OpenAsync();
        Assert.Equal([temp], reopened.RemovedTempFiles);
        Assert.False(File.Exists(temp));
        Assert.True(File.Exists(foreign));
        Assert.Empty(await reopened.State.GetTempFilesAsync());
    }

    [Fact]
    public async Task Discarded_download_leaves_no_file()
    {
        await using var library = await OpenAsync();
        var temp = await library.CreateTempFileAsync("Artist/Song.mp3");
        await File.WriteAllTextAsync(temp, "partial");

        await library.DiscardAsync(temp);

        Assert.Empty(TempFilesUnderRoot());
        Assert.False(File.Exists(Path.Combine(Root, "Artist", "Song.mp3")));
        Assert.Empty(await library.State.GetTempFilesAsync());
    }

    [Fact]
    public async Task Two_tracks_rendering_to_one_path_are_numbered()
    {
        await using var library = await OpenAsync();

        var first = await library.ClaimPathAsync("track1", "Artist/Intro.mp3");
        var second = await library.ClaimPathAsync("track2", "Artist/Intro.mp3");
        var third = await library.ClaimPathAsync("track3", "Artist/Intro.mp3");

        Assert.Equal(["Artist/Intro.mp3", "Artist/Intro (2).mp3", "Artist/Intro (3).mp3"], [first, second, third]);
    }

    [Fact]
    public async Task Paths_differing_only_in_case_are_told_apart()
    {
        await using var library = await OpenAsync();

        var first = await library.ClaimPathAsync("track1", "ARTIST/Song.mp3");
        var second = await library.ClaimPathAsync("track2", "artist/song.mp3");

        Assert.Equal("ARTIST/Song.mp3", first);
        Assert.Equal("ARTIST/song (2).mp3", second);
    }

    [Fact]
    public async Task Folders_differing_only_in_case_are_merged_into_the_first_spelling()
    {
        await using var library = await OpenAsync();

        await library.ClaimPathAsync("track1", "ABBA/Gold/Song One.mp3");
        var second = await library.ClaimPathAsync("track2", "Abba/gold/Song Two.mp3");

        Assert.Equal("ABBA/Gold/Song Two.mp3", second);
    }

    [Fact]
    public async Task Numbering_is_stable_across_runs_whatever_the_order()
    {
        await using (var library = await OpenAsync())
        {
            await library.ClaimPathAsync("track1", "Artist/Intro.mp3");
            await library.ClaimPathAsync("track2", "Artist/Intro.mp3");
        }

        await using var again = await OpenAsync();
        Assert.Equal("Artist/Intro (2).mp3", await again.ClaimPathAsync("track2", "Artist/Intro.mp3"));
        Assert.Equal("Artist/Intro.mp3", await again.ClaimPathAsync("track1", "Artist/Intro.mp3"));
        Assert.Equal("Artist/intro (3).mp3", await again.ClaimPathAsync("track3", "artist/intro.mp3"));
    }

    [Fact]
    public async Task Same_track_at_a_second_path_is_linked_or_copied_not_downloaded()
    {
        await using var library = await OpenAsync();
        await PlaceAsync(library, "track1", "Road Trip/Song.mp3", PlaylistA, "{playlist}/{title}.{output-ext}");

        var result = await LocateAsync(library, "Workout/Song.mp3", "{playlist}/{title}.{output-ext}", PlaylistB);

        Assert.Equal(LocateStatus.Copied, result.Status);
        Assert.Equal("Road Trip/Song.mp3", result.FromPath);
        Assert.Equal("audiotrack1", await File.ReadAllTextAsync(Path.Combine(Root, "Workout", "Song.mp3")));
        Assert.True(File.Exists(Path.Combine(Root, "Road Trip", "Song.mp3")));
        Assert.Equal([PlaylistB], (await library.State.GetAsync("Workout/Song.mp3"))!.Sources);
        Assert.Equal([PlaylistA], (await library.State.GetAsync("Road Trip/Song.mp3"))!.Sources);
        Assert.Empty(TempFilesUnderRoot());
    }

    [Fact]
    public async Task Second_path_shares_the_first_files_data_through_a_hard_link()
    {
        await using var library = await OpenAsync();
        await PlaceAsync(library, "track1", "Road Trip/Song.mp3", PlaylistA, "{playlist}/{title}.{output-ext}");
        await LocateAsync(library, "Workout/Song.mp3", "{playlist}/{title}.{output-ext}", PlaylistB);

        // Writing through one name shows through the other only when both are one file on disk.
        await File.AppendAllTextAsync(Path.Combine(Root, "Road Trip", "Song.mp3"), "+");

        Assert.Equal("audiotrack1+", await File.ReadAllTextAsync(Path.Combine(Root, "Workout", "Song.mp3")));
    }

    [Fact]
    public async Task Present_track_is_found_without_anything_else()
    {
        await using var library = await OpenAsync();
        await PlaceAsync(library, "track1", "Artist/Song.mp3");

        var result = await LocateAsync(library, "Artist/Song.mp3", "{artist}/{title}.{output-ext}", PlaylistB);

        Assert.Equal(LocateStatus.Present, result.Status);
        Assert.Equal([PlaylistA, PlaylistB], (await library.State.GetAsync("Artist/Song.mp3"))!.Sources.Order());
    }

    [Fact]
    public async Task A_file_musicdl_did_not_place_is_left_alone_and_adopted()
    {
        await using var library = await OpenAsync();
        Directory.CreateDirectory(Path.Combine(Root, "Artist"));
        await File.WriteAllTextAsync(Path.Combine(Root, "Artist", "Song.mp3"), "from spotdl");

        var result = await LocateAsync(library, "Artist/Song.mp3", "{artist}/{title}.{output-ext}", PlaylistA);

        Assert.Equal(LocateStatus.Present, result.Status);
        Assert.Equal("from spotdl", await File.ReadAllTextAsync(Path.Combine(Root, "Artist", "Song.mp3")));
        var record = await library.State.GetAsync("Artist/Song.mp3");
        Assert.Equal("track1", record!.TrackId);
        Assert.Equal([PlaylistA], record.Sources);
        Assert.Null(record.TagFingerprint);
    }

    [Fact]
    public async Task Concurrent_claims_never_share_a_path()
    {
        await using var library = await OpenAsync();

        var claims = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(() => library.ClaimPathAsync($"track{i}", "Artist/Intro.mp3"))));

        Assert.Equal(20, claims.Select(LibraryPaths.CaseKey).Distinct().Count());
        Assert.Contains("Artist/Intro (20).mp3", claims);
    }

    [Fact]
    public async Task Pruning_deletes_files_no_source_wants_and_keeps_shared_ones()
    {
        await using var library = await OpenAsync();
        await PlaceAsync(library, "keep", "A/Keep.mp3", PlaylistA);
        await PlaceAsync(library, "gone", "A/Gone/Gone.mp3", PlaylistA);
        await PlaceAsync(library, "shared", "A/Shared.mp3", PlaylistA);
        await library.State.AddSourceAsync("A/Shared.mp3", PlaylistB);

        var deleted = await library.PruneAsync(PlaylistA, new HashSet<string> { "keep" });

        Assert.Equal(["A/Gone/Gone.mp3"], deleted);
        Assert.False(Directory.Exists(Path.Combine(Root, "A", "Gone")));
        Assert.True(File.Exists(Path.Combine(Root, "A", "Keep.mp3")));
        Assert.True(File.Exists(Path.Combine(Root, "A", "Shared.mp3")));
        Assert.Equal([PlaylistB], (await library.State.GetAsync("A/Shared.mp3"))!.Sources);
    }

    [Fact]
    public async Task Missing_track_is_absent()
    {
        await using var library = await OpenAsync();

        var result = await library.LocateAsync(new PlacementRequest("Artist/Song.mp3", "track1", AudioFormat.Mp3), PlaylistA);

        Assert.Equal(LocateStatus.Absent, result.Status);
        Assert.False(result.IsInPlace);
    }

    [Fact]
    public async Task Template_change_moves_the_file_to_its_new_path()
    {
        await using var library = await OpenAsync();
        await PlaceAsync(library, "track1", "Artist/Song.mp3", PlaylistA, "{artist}/{title}.{output-ext}");

        var result = await LocateAsync(library, "Artist/Album/01 - Song.mp3", "{artist}/{album}/{track-number} - {title}.{output-ext}", PlaylistA);

        Assert.Equal(LocateStatus.Moved, result.Status);
        Assert.False(File.Exists(Path.Combine(Root, "Artist", "Song.mp3")));
        Assert.Equal("audiotrack1", await File.ReadAllTextAsync(Path.Combine(Root, "Artist", "Album", "01 - Song.mp3")));
        var record = Assert.Single(await library.State.GetByTrackAsync("track1"));
        Assert.Equal("Artist/Album/01 - Song.mp3", record.Path);
        Assert.Equal("{artist}/{album}/{track-number} - {title}.{output-ext}", record.Template);
        Assert.Equal("dQw4w9WgXcQ", record.VideoId);
    }

    [Fact]
    public async Task Template_change_copies_where_another_source_still_wants_the_old_path()
    {
        await using var library = await OpenAsync();
        await PlaceAsync(library, "track1", "Artist/Song.mp3", PlaylistA, "{artist}/{title}.{output-ext}");
        await library.State.AddSourceAsync("Artist/Song.mp3", PlaylistB);

        var result = await LocateAsync(library, "New/Song.mp3", "New/{title}.{output-ext}", PlaylistA);

        Assert.Equal(LocateStatus.Copied, result.Status);
        Assert.True(File.Exists(Path.Combine(Root, "Artist", "Song.mp3")));
        Assert.True(File.Exists(Path.Combine(Root, "New", "Song.mp3")));
        Assert.Equal([PlaylistB], (await library.State.GetAsync("Artist/Song.mp3"))!.Sources);

        // When the last source moves on too, the old copy goes.
        var second = await LocateAsync(library, "New/Song.mp3", "New/{title}.{output-ext}", PlaylistB);
        Assert.Equal(LocateStatus.Present, second.Status);
        Assert.False(File.Exists(Path.Combine(Root, "Artist", "Song.mp3")));
        Assert.Null(await library.State.GetAsync("Artist/Song.mp3"));
    }

    [Fact]
    public async Task Format_change_is_never_a_move()
    {
        await using var library = await OpenAsync();
        await PlaceAsync(library, "track1", "Artist/Song.mp3");

        var result = await LocateAsync(library, "Artist/Song.m4a", "{artist}/{title}.{output-ext}", PlaylistA, AudioFormat.M4a);

        Assert.Equal(LocateStatus.Absent, result.Status);
        Assert.True(File.Exists(Path.Combine(Root, "Artist", "Song.mp3")));
    }

    [Fact]
    public async Task Existence_region_is_set_on_create_and_cleared_on_delete()
    {
        var region = TestCache.Region(CacheRegions.FileExistence, LibraryJsonContext.Default.Boolean);
        await using var library = await OpenAsync(region);
        var full = Path.Combine(Root, "Artist", "Song.mp3");
        Assert.False(await library.ExistsAsync("Artist/Song.mp3"));

        await PlaceAsync(library, "track1", "Artist/Song.mp3");
        Assert.True(await library.ExistsAsync("Artist/Song.mp3"));
        Assert.Equal(CacheLookupKind.Hit, await region.LookUpAsync(full));

        Assert.True(await library.RemoveFileAsync("Artist/Song.mp3"));
        Assert.Equal(CacheLookupKind.Miss, await region.LookUpAsync(full));
        Assert.False(File.Exists(full));
        Assert.Null(await library.State.GetAsync("Artist/Song.mp3"));
    }

    [Fact]
    public async Task Existence_is_checked_once_per_path()
    {
        var region = TestCache.Region(CacheRegions.FileExistence, LibraryJsonContext.Default.Boolean);
        await using var library = await OpenAsync(region);

        await library.ExistsAsync("Artist/Song.mp3");
        await library.ExistsAsync("Artist/Song.mp3");

        // One miss ran the check and stored its answer; the second call was answered from the region.
        var statistics = region.GetStatistics();
        Assert.Equal(1, statistics.Misses);
        Assert.Equal(1, statistics.Sets);
        Assert.Equal(1, statistics.Hits);
    }

    [Fact]
    public async Task A_file_just_seen_on_disk_is_counted_and_recorded_without_a_second_look()
    {
        // The warm path has just stat-ed the file; its look-up counts like any other, but a miss takes that answer.
        var region = TestCache.Region(CacheRegions.FileExistence, LibraryJsonContext.Default.Boolean);
        await using var library = await OpenAsync(region);

        Assert.True(await library.ExistsSeenAsync("Artist/Gone.mp3"));
        Assert.True(await library.ExistsAsync("Artist/Gone.mp3"));

        var statistics = region.GetStatistics();
        Assert.Equal(1, statistics.Misses);
        Assert.Equal(1, statistics.Hits);
    }
}
