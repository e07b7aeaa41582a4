using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Library;
using MusicDl.Models;
using MusicDl.Tagging;
using MusicDl.Tests.Library;
using MusicDl.Tests.Tagging;
using MusicDl.Tests.TestSupport;
using static MusicDl.Tests.Library.TrackLibraryTests;

namespace MusicDl.Tests.Downloading;

/// <summary>The tagger over a real library: re-tags and ReplayGain's album pass (stored through <see cref="TrackLibraryTests.StoreAsync"/>).</summary>
public sealed class TrackTaggerTests : LibraryTestBase, IClassFixture<AudioSamples>
{
    private readonly AudioSamples _samples;

    public TrackTaggerTests(AudioSamples samples) => _samples = samples;

    [Fact]
    public async Task Retag_writes_once_then_finds_the_tags_matching()
    {
        await using var library = await OpenAsync();
        var port = Port(library, "{artist}/{title}.{output-ext}");
        var tagger = Tagger(port);
        var planned = Planned(TestTracks.Make(), ("Road Trip", PlaylistA));
        await StoreAsync(port, planned, planned.Track, ProduceAsync, tagger);
        var corrected = planned.Track with { Isrc = "GBARL0000001" };

        Assert.True(await tagger.RetagAsync(planned, corrected, CancellationToken.None));
        Assert.False(await tagger.RetagAsync(planned, corrected, CancellationToken.None));
    }

    [Fact]
    public async Task The_album_pass_adds_the_album_gain_to_what_each_track_got_without_asking_for_lyrics_again()
    {
        await using var library = await OpenAsync();
        var lyrics = new CountingLyrics();
        var port = ReplayGainPort(library);
        var tagger = Tagger(port, extras: new TrackExtrasSource(lyrics, null), replayGain: true);
        var tracks = await StoreTwoTrackAlbumAsync(port, tagger);

        // A picture put in one file after it was placed is kept: the pass reads the cover from the file.
        var first = Path.Combine(Root, "Rick Astley", "One.mp3");
        TagWriter.Write(first, AudioFormat.Mp3, new TagSet { Title = "One", Cover = new CoverArt(_samples.Cover, "image/jpeg") });
        lyrics.Asked = 0;

        await tagger.FinishAlbumsAsync(tracks.Select(t => (t.Planned, t.Planned.Track)).ToList(), [], CancellationToken.None);

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
        var port = ReplayGainPort(library);
        var tagger = Tagger(port, covers: new CoverArtProvider(http, TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray)), replayGain: true);
        var tracks = await StoreTwoTrackAlbumAsync(port, tagger);

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

        await tagger.FinishAlbumsAsync(tracks.Select(t => (t.Planned, t.Planned.Track)).ToList(), [], CancellationToken.None);

        // "One" is not rewritten from tags that would now carry no picture; "Two" gets the album gain and keeps its cover.
        Assert.Equal(before, await File.ReadAllBytesAsync(one));
        Assert.Equal(_samples.Cover, TagWriter.ReadCover(two, AudioFormat.Mp3)?.Data);
        using var second = TagWriter.OpenFile(two, AudioFormat.Mp3);
        var id3 = (TagLib.Id3v2.Tag)second.GetTag(TagLib.TagTypes.Id3v2);
        Assert.Equal(["-8.45 dB"], TagLib.Id3v2.UserTextInformationFrame.Get(id3, "REPLAYGAIN_ALBUM_GAIN", false)?.Text ?? []);
    }

    private static TrackLibrary ReplayGainPort(MusicLibrary library) => Port(library, "{artist}/{title}.{output-ext}", replayGain: true);

    /// <summary>Places "One" (-12 LUFS) and "Two" (-8 LUFS), the whole of a two-track album, through <paramref name="port"/> and <paramref name="tagger"/>.</summary>
    private async Task<List<(PlannedTrack Planned, double Lufs)>> StoreTwoTrackAlbumAsync(TrackLibrary port, TrackTagger tagger)
    {
        var tracks = new[] { ("t1", "One", -12.0), ("t2", "Two", -8.0) }.Select(t =>
        {
            var track = TestTracks.Make(id: t.Item1, title: t.Item2);
            return (Planned: Planned(track with { Album = track.Album with { TotalTracks = 2 } }), Lufs: t.Item3);
        }).ToList();
        foreach (var (planned, lufs) in tracks)
        {
            await StoreAsync(port, planned, planned.Track, (path, _) =>
            {
                _samples.CopyTo(AudioFormat.Mp3, path);
                return Task.FromResult<MusicDl.Audio.Loudness?>(new MusicDl.Audio.Loudness(lufs, -1.0));
            }, tagger);
        }

        return tracks;
    }

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
        _samples.CopyTo(AudioFormat.Mp3, path);
        return Task.FromResult<MusicDl.Audio.Loudness?>(null);
    }
}
