using System.Text.Json;
using MusicDl.Caching;
using MusicDl.Models;
using MusicDl.Output;

namespace MusicDl.Tests.Output;

public sealed class OutputJsonTests
{
    private static readonly TrackOutcome Downloaded = new()
    {
        SpotifyId = "4uLU6hMCjMI75M1A2tKUQC",
        Isrc = "GBARL9300135",
        Title = "Never Gonna Give You Up",
        Artists = ["Rick Astley"],
        Album = "Whenever You Need Somebody",
        Sources = ["spotify:playlist:1a2B3c4D5e6F7g8H9i0JkL"],
        Status = TrackStatus.Downloaded,
        Path = "/music/Rick Astley/Whenever You Need Somebody/01 - Never Gonna Give You Up.mp3",
        VideoId = "dQw4w9WgXcQ",
        Provider = "youtube-music",
        Score = 0.97,
    };

    [Fact]
    public void A_track_line_has_exactly_the_contract_fields_in_order()
    {
        using var doc = JsonDocument.Parse(OutputJson.Track(Downloaded));
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(
            ["spotify_id", "isrc", "title", "artists", "album", "sources", "status", "path", "video_id", "provider", "score", "error"],
            names);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("artists").ValueKind);
        Assert.Equal("downloaded", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(0.97, doc.RootElement.GetProperty("score").GetDouble());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("error").ValueKind);
    }

    [Fact]
    public void Absent_values_are_null_not_missing()
    {
        var outcome = new TrackOutcome { Title = "x", Status = TrackStatus.NotFound, Error = "no match above 0.70" };
        using var doc = JsonDocument.Parse(OutputJson.Track(outcome));
        foreach (var field in new[] { "spotify_id", "isrc", "album", "path", "video_id", "provider", "score" })
        {
            Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty(field).ValueKind);
        }

        Assert.Equal("not_found", doc.RootElement.GetProperty("status").GetString());
        Assert.False(doc.RootElement.TryGetProperty("copies", out _));
    }

    [Fact]
    public void Copies_appear_only_for_a_track_placed_at_several_paths()
    {
        using var doc = JsonDocument.Parse(OutputJson.Track(Downloaded with { Copies = ["/music/b.mp3"] }));
        Assert.Equal("/music/b.mp3", doc.RootElement.GetProperty("copies")[0].GetString());
    }

    [Fact]
    public void Non_latin_text_stays_readable()
    {
        var line = OutputJson.Track(Downloaded with { Title = "夜に駆ける" });
        Assert.Contains("夜に駆ける", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_failure_line_names_source_status_and_error()
    {
        using var doc = JsonDocument.Parse(OutputJson.Source(new SourceFailure("spotify:playlist:1a2B3c4D5e6F7g8H9i0JkL", "403: not the owner")));
        Assert.Equal(["source", "status", "error"], doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("failed", doc.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void The_summary_carries_counts_requests_and_every_cache_counter()
    {
        var summary = new RunSummary
        {
            Downloaded = 41,
            Skipped = 2,
            NotFound = 1,
            Unsupported = 2,
            ExitCode = 1,
            ElapsedS = 58.21,
            Requests = new RequestCounts(48, 45, 44, 90),
            Cache = [new RegionStatistics("spotify", 51, 3, 48, 0, 48, 0, 0, 90, 0, 0)],
        };
        using var doc = JsonDocument.Parse(OutputJson.Summary(summary));
        var s = doc.RootElement.GetProperty("summary");
        Assert.Equal(
            ["downloaded", "skipped", "retagged", "matched", "planned", "missing", "excluded", "pruned", "not_found", "failed", "unsupported", "sources_failed", "from_public_pages", "exit_code", "elapsed_s", "requests", "cache"],
            s.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(58.2, s.GetProperty("elapsed_s").GetDouble());
        Assert.Equal(90, s.GetProperty("requests").GetProperty("media").GetInt32());
        var spotify = s.GetProperty("cache").GetProperty("spotify");
        Assert.Equal(
            ["entries", "lookups", "hits", "misses", "negative_hits", "hit_rate", "sets", "evictions", "expirations", "persistent_hits", "shared_hits"],
            spotify.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(0.059, spotify.GetProperty("hit_rate").GetDouble());
    }
}
