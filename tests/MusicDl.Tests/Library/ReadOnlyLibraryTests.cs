using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Library;
using MusicDl.Models;

namespace MusicDl.Tests.Library;

/// <summary>The library as a dry run opens it: answers from the existing state, changes nothing in the folder.</summary>
public sealed class ReadOnlyLibraryTests : LibraryTestBase
{
    private const string Placed = "Rick Astley/Never Gonna Give You Up.mp3";

    [Fact]
    public async Task Opening_a_missing_folder_read_only_creates_nothing_and_finds_nothing_present()
    {
        var root = Path.Combine(Root, "new", "music");

        await using (var library = await MusicLibrary.OpenReadOnlyAsync(root))
        {
            Assert.True(library.IsReadOnly);
            Assert.Empty(await library.State.GetAllAsync());
            Assert.False((await Port(library).InspectAsync(Planned(TestTracks.Make()), CancellationToken.None)).Present);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(Root));
    }

    [Fact]
    public async Task A_read_only_open_answers_from_the_existing_state_and_leaves_every_byte_of_the_folder_as_it_was()
    {
        await using (var library = await OpenAsync())
        {
            await PlaceAsync(library, TestTracks.Make().Id, Placed);

            // An interrupted download: a real open would delete it and rewrite the state.
            await File.WriteAllTextAsync(await library.CreateTempFileAsync("Rick Astley/Other.mp3"), "half");
        }

        var before = FolderSnapshot.Take(Root);
        await using (var library = await MusicLibrary.OpenReadOnlyAsync(Root))
        {
            var port = Port(library);
            Assert.True((await port.InspectAsync(Planned(TestTracks.Make()), CancellationToken.None)).Present);
            Assert.False((await port.InspectAsync(Planned(TestTracks.Make(id: "7ouMYWpwJ422jRcDASZB7P", title: "Second")), CancellationToken.None)).Present);
            Assert.Equal("dQw4w9WgXcQ", (await library.State.GetAsync(Placed))!.VideoId);
            Assert.Single(await library.State.GetTempFilesAsync());
            Assert.Empty(library.RemovedTempFiles);
        }

        Assert.Equal(before, FolderSnapshot.Take(Root));
        Assert.Single(TempFilesUnderRoot());
    }

    [Fact]
    public async Task Writes_only_in_the_write_ahead_log_of_a_killed_run_are_seen_and_the_log_is_left_alone()
    {
        var killed = Path.Combine(Root, "killed");
        var state = Path.Combine(killed, LibraryState.FolderName);
        Directory.CreateDirectory(state);
        await using (var library = await OpenAsync())
        {
            await PlaceAsync(library, TestTracks.Make().Id, Placed);

            // Copied while open: what a SIGKILL leaves, the last writes not yet checkpointed into state.db.
            var live = Path.Combine(Root, LibraryState.FolderName, LibraryState.FileName);
            Assert.True(new FileInfo(live + "-wal").Length > 0);
            File.Copy(live, Path.Combine(state, LibraryState.FileName));
            File.Copy(live + "-wal", Path.Combine(state, LibraryState.FileName + "-wal"));
        }

        var before = FolderSnapshot.Take(killed);
        await using (var library = await MusicLibrary.OpenReadOnlyAsync(killed))
        {
            Assert.Equal(Placed, Assert.Single(await library.State.GetAllAsync()).Path);
        }

        Assert.Equal(before, FolderSnapshot.Take(killed));
    }

    [Fact]
    public async Task A_read_only_open_is_refused_while_a_run_holds_the_library()
    {
        await using var running = await OpenAsync();

        var error = await Assert.ThrowsAsync<LibraryLockedException>(() => MusicLibrary.OpenReadOnlyAsync(Root));

        Assert.Equal(Environment.ProcessId, error.Pid);
    }

    [Fact]
    public async Task An_open_read_only_library_does_not_keep_a_run_out()
    {
        await (await OpenAsync()).DisposeAsync();
        await using var dry = await MusicLibrary.OpenReadOnlyAsync(Root);

        await using var run = await OpenAsync();

        Assert.False(run.IsReadOnly);
    }

    [Fact]
    public async Task Writes_through_a_read_only_library_are_refused_with_a_clear_message()
    {
        await using var library = await MusicLibrary.OpenReadOnlyAsync(Root);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => library.CreateTempFileAsync(Placed));

        Assert.Equal($"the library {Root} is open read-only (dry run); nothing may be written to it.", error.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => LocateAsync(library, Placed, "{artist}/{title}.{output-ext}", PlaylistA));
        await Assert.ThrowsAsync<InvalidOperationException>(() => library.RemoveFileAsync(Placed));
        await Assert.ThrowsAsync<InvalidOperationException>(() => library.PruneAsync(PlaylistA, new HashSet<string>()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => TrackLibraryTests.StoreAsync(
            Port(library),
            Planned(TestTracks.Make()),
            TestTracks.Make(),
            (_, _) => Task.FromResult<MusicDl.Audio.Loudness?>(null)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Root));
    }

    [Fact]
    public async Task A_dry_run_prune_lists_what_would_go_and_deletes_nothing()
    {
        await using (var library = await OpenAsync())
        {
            await PlaceAsync(library, TestTracks.Make().Id, Placed);
        }

        await using (var library = await MusicLibrary.OpenReadOnlyAsync(Root))
        {
            Assert.Equal([Placed], await library.PruneAsync(PlaylistA, new HashSet<string>(), dryRun: true));
        }

        Assert.True(File.Exists(Path.Combine(Root, Placed)));
    }

    // No dryRun flag: a read-only library makes the port inspect only by itself.
    private static TrackLibrary Port(MusicLibrary library) =>
        new(library, PathTemplate.Parse("{artist}/{title}.{output-ext}"), AudioFormat.Mp3);

    private static PlannedTrack Planned(Track track) =>
        new(track, [new TrackContext(new ResolvedSource(new SpotifySource(SourceKind.Playlist, PlaylistA.Split(':')[^1], PlaylistA), "Road Trip", [SourceEntry.Supported(1, track)]), 1)]);
}
