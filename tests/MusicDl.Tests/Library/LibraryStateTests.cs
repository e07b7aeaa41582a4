using MusicDl.Configuration;
using MusicDl.Library;

namespace MusicDl.Tests.Library;

public sealed class LibraryStateTests : LibraryTestBase
{
    [Fact]
    public async Task Each_placed_track_is_in_the_state_at_once_and_after_reopening()
    {
        await using (var library = await OpenAsync())
        {
            await PlaceAsync(library, "track1", "A/One.mp3", PlaylistA);
            Assert.NotNull(await library.State.GetAsync("A/One.mp3"));
            await PlaceAsync(library, "track2", "A/Two.mp3", PlaylistB);
        }

        await using var state = await LibraryState.OpenAsync(Root);
        var one = await state.GetAsync("A/One.mp3");
        Assert.NotNull(one);
        Assert.Equal("track1", one.TrackId);
        Assert.Equal(AudioFormat.Mp3, one.Format);
        Assert.Equal([PlaylistA], one.Sources);
        Assert.Equal("dQw4w9WgXcQ", one.VideoId);
        Assert.Equal("{artist}/{title}.{output-ext}", one.Template);
        Assert.Equal(new FileInfo(Path.Combine(Root, "A", "One.mp3")).Length, one.Size);
        Assert.Equal(2, (await state.GetAllAsync()).Count);
    }

    [Fact]
    public async Task The_index_of_a_run_answers_as_the_state_for_the_tracks_it_names()
    {
        await using var library = await OpenAsync();
        await PlaceAsync(library, "track1", "A/One.mp3", PlaylistA);
        await PlaceAsync(library, "track2", "A/Two.mp3", PlaylistA);
        await PlaceAsync(library, "track2", "B/Two.mp3", PlaylistB);
        var claimed = await library.State.ClaimPathAsync("track2", "A/Two.mp3");

        var index = await library.State.ReadIndexAsync(["track2", "absent"]);
        var rows = index.Take("track2");

        Assert.Equal((await library.State.GetByTrackAsync("track2")).Select(f => f.Path), rows!.Files.Select(f => f.Path));
        Assert.Equal(claimed, rows.ExistingClaim("a/two.MP3"));
        Assert.Null(rows.ExistingClaim("C/Two.mp3"));
        Assert.Null(index.Take("track1"));
        Assert.Null(index.Take("absent"));
        Assert.Null(index.Take("track2"));
    }

    [Fact]
    public async Task Files_are_listed_per_source_and_per_track()
    {
        await using var library = await OpenAsync();
        await PlaceAsync(library, "track1", "A/One.mp3", PlaylistA);
        await PlaceAsync(library, "track2", "A/Two.mp3", PlaylistA);
        await PlaceAsync(library, "track2", "B/Two.mp3", PlaylistB);

        Assert.Equal(["A/One.mp3", "A/Two.mp3"], (await library.State.GetBySourceAsync(PlaylistA)).Select(f => f.Path));
        Assert.Equal(["A/Two.mp3", "B/Two.mp3"], (await library.State.GetByTrackAsync("track2")).Select(f => f.Path));
    }

    [Fact]
    public async Task State_uses_WAL_where_the_file_system_allows()
    {
        await using var state = await LibraryState.OpenAsync(Root);
        Assert.Equal("wal", state.JournalMode);
    }

    [Fact]
    public async Task Without_WAL_the_state_works_with_a_rollback_journal()
    {
        await using (var state = await LibraryState.OpenAsync(Root, null, preferWal: false, CancellationToken.None))
        {
            Assert.Equal("delete", state.JournalMode);
            await state.RecordPlacedAsync(new PlacedFile { Path = "x.mp3", TrackId = "t", Format = AudioFormat.Mp3, Sources = [PlaylistA] });
        }

        await using var reopened = await LibraryState.OpenAsync(Root, null, preferWal: false, CancellationToken.None);
        Assert.Equal("t", (await reopened.GetAsync("x.mp3"))!.TrackId);
    }

    [Fact]
    public async Task State_holds_no_file_name_it_did_not_make_after_removal()
    {
        await using var library = await OpenAsync();
        await PlaceAsync(library, "track1", "A/One.mp3");

        await library.State.RemoveAsync("A/One.mp3");

        Assert.Empty(await library.State.GetAllAsync());
        Assert.Empty(await library.State.GetBySourceAsync(PlaylistA));
    }
}
