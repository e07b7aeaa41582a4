using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MusicDl.Fakes.YouTubeMedia;

namespace MusicDl.Tests.YouTube.Download;

public sealed class FakeYouTubeMediaTests : IAsyncLifetime
{
    private const string VideoId = MediaTestBed.VideoId;
    private MediaTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await MediaTestBed.StartAsync("fakemedia");

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private async Task<JsonElement> PlayerAsync(string clientName)
    {
        using var content = new StringContent("{\"videoId\":\"" + VideoId + "\",\"context\":{\"client\":{\"clientName\":\"" + clientName + "\",\"clientVersion\":\"1\"}}}", Encoding.UTF8, "application/json");
        using var response = await _bed.Http.PostAsync(_bed.Host.Url(FakeYouTubeMedia.PlayerPath), content);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    private Uri Media(int itag, string? range = null) =>
        _bed.Host.Url($"{FakeYouTubeMedia.MediaPath}?id={VideoId}&itag={itag}" + (range is null ? "" : "&range=" + range));

    [Fact]
    public async Task The_player_answer_points_its_stream_urls_back_at_the_fake_with_the_real_lengths()
    {
        _bed.Fake.AddVideo(VideoId);

        var answer = await PlayerAsync("VISIONOS");

        Assert.Equal("OK", answer.GetProperty("playabilityStatus").GetProperty("status").GetString());
        var opus = answer.GetProperty("streamingData").GetProperty("adaptiveFormats").EnumerateArray().Single(f => f.GetProperty("itag").GetInt32() == 251);
        Assert.Equal(_bed.Fake.BytesFor(251).LongLength.ToString(System.Globalization.CultureInfo.InvariantCulture), opus.GetProperty("contentLength").GetString());
        var bytes = await _bed.Http.GetByteArrayAsync(opus.GetProperty("url").GetString());
        Assert.Equal(_bed.Fake.BytesFor(251), bytes);
    }

    [Fact]
    public async Task Answers_differ_per_client_and_unknown_videos_are_unavailable()
    {
        _bed.Fake.AddVideo(VideoId).ForClient("ANDROID_VR", FakePlayerBehaviour.BotCheck);

        var vr = await PlayerAsync("ANDROID_VR");
        var vision = await PlayerAsync("VISIONOS");

        Assert.Equal("LOGIN_REQUIRED", vr.GetProperty("playabilityStatus").GetProperty("status").GetString());
        Assert.False(vr.TryGetProperty("streamingData", out _));
        Assert.Equal("OK", vision.GetProperty("playabilityStatus").GetProperty("status").GetString());
        Assert.Equal(["ANDROID_VR", "VISIONOS"], _bed.Fake.PlayerRequests.Select(r => r.ClientName));
    }

    [Fact]
    public async Task Cipher_only_answers_carry_no_url()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.CipherOnly);

        var formats = (await PlayerAsync("VISIONOS")).GetProperty("streamingData").GetProperty("adaptiveFormats").EnumerateArray().ToList();

        Assert.All(formats, f => Assert.False(f.TryGetProperty("url", out _)));
        Assert.All(formats, f => Assert.Contains("&sp=sig&url=", f.GetProperty("signatureCipher").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_range_query_serves_that_slice()
    {
        var slice = await _bed.Http.GetByteArrayAsync(Media(140, "100-199"));

        Assert.Equal(_bed.Fake.BytesFor(140).AsSpan(100, 100).ToArray(), slice);
        Assert.Equal(1, _bed.Fake.MediaRoute.Count);
    }

    [Fact]
    public async Task The_range_header_serves_a_partial_answer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Media(251));
        request.Headers.Range = new RangeHeaderValue(10, 19);

        using var response = await _bed.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(10, response.Content.Headers.ContentRange!.From);
        Assert.Equal(_bed.Fake.BytesFor(251).LongLength, response.Content.Headers.ContentRange.Length);
        Assert.Equal(_bed.Fake.BytesFor(251).AsSpan(10, 10).ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_range_past_the_end_is_not_satisfiable()
    {
        using var response = await _bed.Http.GetAsync(Media(251, $"{_bed.Fake.BytesFor(251).Length}-{_bed.Fake.BytesFor(251).Length + 100}"));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
    }
}
