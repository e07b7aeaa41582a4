using MusicDl.Fakes.Lrclib;
using MusicDl.Fakes.MusicBrainz;
using TagLib.Mpeg4;

namespace MusicDl.Tests.EndToEnd;

/// <summary>Lyrics, ReplayGain and MusicBrainz ids added to a library made without them, in place (issue 15).</summary>
[Trait("Category", "EndToEnd")]
public sealed class LibraryUpgradeEndToEndTests : IAsyncLifetime
{
    private const string Synced = "[00:00.10] la la\n[00:00.60] la";
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_plain_library_is_upgraded_in_place_then_a_second_upgrade_asks_and_writes_nothing()
    {
        var album = _world.AddDownloadableAlbum(2);
        var artist = $"Artist {album.ArtistIds[0][^4..]}";
        var first = album.Tracks[0];
        _world.Lrclib.Add(new FakeLyrics(first.Name, artist, album.Name, first.DurationMs / 1000.0) { SyncedLyrics = Synced, PlainLyrics = "la la\nla" });
        foreach (var (track, i) in album.Tracks.Select((t, i) => (t, i)))
        {
            _world.MusicBrainz.Add(track.Isrc!, new FakeMbRecording($"rec-{i}", track.Name, track.DurationMs)
            {
                Artists = [new FakeMbArtist("artist-mbid", artist)],
                Releases = [new FakeMbRelease("release-mbid", album.Name, "group-mbid")],
            });
        }

        var url = FakeWorld.AlbumUrl(album);
        _world.WriteConfig(_world.Config("  lyrics: none\n  replaygain: false\n  musicbrainz: false\n"));
        var plain = await _world.RunAsync("download", url);
        Assert.True(plain.ExitCode == 0, plain.ToString());
        var files = FakeWorld.AudioFiles(_world.Sandbox.Library);
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Null(Read(f).Lyrics));
        Assert.Equal(0, _world.Lrclib.RequestCount + _world.MusicBrainz.RequestCount);
        var (searches, players, media) = (_world.SearchRequests, _world.PlayerRequests, _world.MediaRequests);

        _world.WriteConfig(_world.Config("  lyrics: embed\n  replaygain: true\n  musicbrainz: true\n"));
        var upgrade = await _world.RunAsync("download", url, "--overwrite", "metadata");

        Assert.True(upgrade.ExitCode == 0, upgrade.ToString());
        Assert.Equal((searches, players, media), (_world.SearchRequests, _world.PlayerRequests, _world.MediaRequests));
        var tagged = files.Select(Read).ToList();
        Assert.Equal(Synced, tagged[0].Lyrics);
        Assert.Null(tagged[1].Lyrics);
        Assert.Equal([FakeMusicBrainz.Uuid("rec-0"), FakeMusicBrainz.Uuid("rec-1")], tagged.Select(t => t.RecordingId));
        Assert.All(tagged, t => Assert.Equal(FakeMusicBrainz.Uuid("release-mbid"), t.ReleaseId));
        Assert.All(tagged, t => Assert.Matches(@"^-?\d+\.\d\d dB$", t.Gain));

        // The run re-tagged every track of the album: the album gain is there too, the same in each file.
        Assert.Single(tagged.Select(t => t.AlbumGain).Distinct());
        Assert.Matches(@"^-?\d+\.\d\d dB$", tagged[0].AlbumGain);
        var lrclib = _world.Lrclib.RequestCount;
        var musicBrainz = _world.MusicBrainz.RequestCount;
        Assert.Equal(2, musicBrainz);
        var written = files.Select(System.IO.File.GetLastWriteTimeUtc).ToList();

        var again = await _world.RunAsync("download", url, "--overwrite", "metadata");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(lrclib, _world.Lrclib.RequestCount);
        Assert.Equal(musicBrainz, _world.MusicBrainz.RequestCount);
        Assert.Equal(written, files.Select(System.IO.File.GetLastWriteTimeUtc));
        Assert.Equal((searches, players, media), (_world.SearchRequests, _world.PlayerRequests, _world.MediaRequests));
    }

    [Fact]
    public async Task A_download_embeds_lyrics_and_gain_by_default()
    {
        var album = _world.AddDownloadableAlbum(1);
        var track = album.Tracks[0];
        _world.Lrclib.Add(new FakeLyrics(track.Name, $"Artist {album.ArtistIds[0][^4..]}", album.Name, track.DurationMs / 1000.0) { SyncedLyrics = Synced });

        var run = await _world.RunAsync("download", FakeWorld.AlbumUrl(album));

        Assert.True(run.ExitCode == 0, run.ToString());
        var tags = Read(Assert.Single(FakeWorld.AudioFiles(_world.Sandbox.Library)));
        Assert.Equal(Synced, tags.Lyrics);
        Assert.Matches(@"^-?\d+\.\d\d dB$", tags.Gain);
        Assert.Matches(@"^-?\d+\.\d\d dB$", tags.AlbumGain);
        Assert.Null(tags.RecordingId);
        Assert.Equal(0, _world.MusicBrainz.RequestCount);
    }

    [Fact]
    public async Task An_lrc_sidecar_lands_beside_its_audio_and_moves_with_it_when_the_template_changes()
    {
        var album = _world.AddDownloadableAlbum(1);
        var track = album.Tracks[0];
        _world.Lrclib.Add(new FakeLyrics(track.Name, $"Artist {album.ArtistIds[0][^4..]}", album.Name, track.DurationMs / 1000.0) { SyncedLyrics = Synced });

        var run = await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--lyrics", "lrc");

        Assert.True(run.ExitCode == 0, run.ToString());
        var audio = Assert.Single(FakeWorld.AudioFiles(_world.Sandbox.Library));
        Assert.Null(Read(audio).Lyrics);
        Assert.Equal(Synced + "\n", await System.IO.File.ReadAllTextAsync(Path.ChangeExtension(audio, ".lrc")));

        _world.WriteConfig(_world.Config("  output: \"{album}/{title}.{output-ext}\"\n  lyrics: lrc\n"));
        var moved = await _world.RunAsync("download", FakeWorld.AlbumUrl(album));

        Assert.True(moved.ExitCode == 0, moved.ToString());
        var now = Assert.Single(FakeWorld.AudioFiles(_world.Sandbox.Library));
        Assert.NotEqual(audio, now);
        Assert.Equal(Synced + "\n", await System.IO.File.ReadAllTextAsync(Path.ChangeExtension(now, ".lrc")));
        Assert.Single(Directory.EnumerateFiles(_world.Sandbox.Library, "*.lrc", SearchOption.AllDirectories));
    }

    private static (string? Lyrics, string? Gain, string? RecordingId, string? ReleaseId, string? AlbumGain) Read(string path)
    {
        using var file = TagLib.File.Create(path, "audio/mp4", TagLib.ReadStyle.Average);
        var apple = (AppleTag)file.GetTag(TagLib.TagTypes.Apple);
        string? Dash(string name) => apple.GetDashBox("com.apple.iTunes", name);
        return (apple.Lyrics, Dash("replaygain_track_gain"), Dash("MusicBrainz Track Id"), Dash("MusicBrainz Album Id"), Dash("replaygain_album_gain"));
    }
}
