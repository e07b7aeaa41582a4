using System.Text.Json;
using System.Text.Json.Nodes;
using MusicDl.YouTube.Search;

namespace MusicDl.Tests.YouTube.Search;

public sealed class YouTubeMusicSearchParserTests
{
    [Fact]
    public void The_isrc_answer_yields_the_top_result_card_as_a_song()
    {
        using var doc = RecordedAnswers.Load("ytmusic-search-isrc.json");

        var page = YouTubeMusicSearchParser.Parse(doc.RootElement);

        var song = Assert.Single(page.Candidates);
        Assert.Equal("nfyk-V5CoIE", song.VideoId);
        Assert.Equal("Nobody Else", song.Title);
        Assert.Equal(["Abstrakt"], song.Artists);
        Assert.Equal("Nobody Else", song.Album);
        Assert.Equal(TimeSpan.FromSeconds(163), song.Duration);
        Assert.True(song.IsSong);
        Assert.Equal("MUSIC_VIDEO_TYPE_ATV", song.VideoType);
        Assert.Equal(SearchProviders.YouTubeMusic, song.Provider);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public void The_query_answer_puts_the_card_first_then_its_items_then_the_shelves()
    {
        using var doc = RecordedAnswers.Load("ytmusic-search-query.json");

        var page = YouTubeMusicSearchParser.Parse(doc.RootElement);

        var ids = page.Candidates.Select(c => c.VideoId).ToList();
        // Card (a video), its two items (songs), then the songs shelf (one repeats an item) and the videos shelf.
        Assert.Equal(["fxhzvHrTO2k", "wgpEmlJ3guA", "PVUe0rW8qkE", "0h6XAAwX8II", "r51FxWfnbh0", "14CjyUYO8lE", "GnKXjblvqOg", "EPwGkq2QZ8w"], ids);
    }

    [Theory]
    // The top-result card: a video, artists joined by " und ", views and duration in one subtitle.
    [InlineData("fxhzvHrTO2k", "Moments", "Robbie Rosen|Lost Identities", null, 221, "MUSIC_VIDEO_TYPE_OMV")]
    // A card item with the type word "Titel" and three artists.
    [InlineData("PVUe0rW8qkE", "Somebody Like You", "Bassanova|Van Maximilian|Robbie Rosen", "Somebody Like You", 187, "MUSIC_VIDEO_TYPE_ATV")]
    // A songs shelf row: artists, album (MPRE…), duration.
    [InlineData("0h6XAAwX8II", "Moments", "Lost Identities|Robbie Rosen", "Moments", 220, "MUSIC_VIDEO_TYPE_ATV")]
    // A videos shelf row: type word and view count skipped, the channel as artist.
    [InlineData("GnKXjblvqOg", "Lost Identities & Robbie Rosen - Moments (Lyrics)", "Lyrics Kart", null, 218, "MUSIC_VIDEO_TYPE_UGC")]
    public void Rows_are_read_from_ids_links_and_positions_not_words(string videoId, string title, string artists, string? album, int seconds, string videoType)
    {
        using var doc = RecordedAnswers.Load("ytmusic-search-query.json");

        var c = YouTubeMusicSearchParser.Parse(doc.RootElement).Candidates.Single(x => x.VideoId == videoId);

        Assert.Equal(title, c.Title);
        Assert.Equal(artists.Split('|'), c.Artists);
        Assert.Equal(album, c.Album);
        Assert.Equal(TimeSpan.FromSeconds(seconds), c.Duration);
        Assert.Equal(videoType, c.VideoType);
        Assert.Equal(videoType == "MUSIC_VIDEO_TYPE_ATV", c.IsSong);
        Assert.False(c.Explicit);
    }

    [Fact]
    public void Albums_playlists_artists_podcasts_episodes_and_profiles_are_not_candidates()
    {
        using var doc = RecordedAnswers.Load("ytmusic-search-query.json");

        var page = YouTubeMusicSearchParser.Parse(doc.RootElement);

        Assert.DoesNotContain(page.Candidates, c => c.VideoId is "6V5zEW6WiYI" or "PVBEWa-w8Is" or "8A4frtD-fIw");
        Assert.All(page.Candidates, c => Assert.True(YouTubeVideoId.IsValid(c.VideoId)));
        Assert.Equal(8, page.Candidates.Count);
    }

    [Fact]
    public void An_untabbed_section_list_is_read_the_same_way()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "YouTube", "ytmusic-search-query.json")))!;
        var sections = root["contents"]!["tabbedSearchResultsRenderer"]!["tabs"]![0]!["tabRenderer"]!["content"]!["sectionListRenderer"]!.DeepClone();
        var untabbed = new JsonObject { ["contents"] = new JsonObject { ["sectionListRenderer"] = sections } };

        using var doc = JsonDocument.Parse(untabbed.ToJsonString());
        var page = YouTubeMusicSearchParser.Parse(doc.RootElement);

        Assert.Equal(8, page.Candidates.Count);
        Assert.Equal("fxhzvHrTO2k", page.Candidates[0].VideoId);
    }

    [Fact]
    public void A_continuation_page_yields_its_items_and_the_next_token()
    {
        const string json = """
            {"continuationContents":{"musicShelfContinuation":{
              "contents":[{"musicResponsiveListItemRenderer":{
                "flexColumns":[
                  {"musicResponsiveListItemFlexColumnRenderer":{"text":{"runs":[{"text":"Zweite Seite"}]}}},
                  {"musicResponsiveListItemFlexColumnRenderer":{"text":{"runs":[
                    {"text":"Ohne Link"},{"text":" \u2022 "},{"text":"1:02:03"}]}}}],
                "playlistItemData":{"videoId":"abcdefghijk"},
                "badges":[{"musicInlineBadgeRenderer":{"icon":{"iconType":"MUSIC_EXPLICIT_BADGE"}}}]}}],
              "continuations":[{"nextContinuationData":{"continuation":"NEXT"}}]}}}
            """;
        using var doc = JsonDocument.Parse(json);

        var page = YouTubeMusicSearchParser.Parse(doc.RootElement);

        var item = Assert.Single(page.Candidates);
        Assert.Equal("abcdefghijk", item.VideoId);
        Assert.Equal(["Ohne Link"], item.Artists);
        Assert.Equal(new TimeSpan(1, 2, 3), item.Duration);
        Assert.True(item.Explicit);
        Assert.Equal("NEXT", page.ContinuationToken);
    }

    [Fact]
    public void An_answer_without_results_is_an_empty_page() =>
        Assert.Empty(YouTubeMusicSearchParser.Parse(JsonDocument.Parse("{}").RootElement).Candidates);

    [Fact]
    public void An_artist_without_a_channel_between_linked_ones_is_kept_by_position()
    {
        const string json = """
            {"contents":{"sectionListRenderer":{"contents":[{"musicShelfRenderer":{"contents":[
              {"musicResponsiveListItemRenderer":{
                "flexColumns":[
                  {"musicResponsiveListItemFlexColumnRenderer":{"text":{"runs":[{"text":"Lied"}]}}},
                  {"musicResponsiveListItemFlexColumnRenderer":{"text":{"runs":[
                    {"text":"Eins","navigationEndpoint":{"browseEndpoint":{"browseId":"UCaaaaaaaaaaaaaaaaaaaaaa"}}},
                    {"text":", "},{"text":"Zwei Ohne Kanal"},{"text":" und "},
                    {"text":"Drei","navigationEndpoint":{"browseEndpoint":{"browseId":"UCbbbbbbbbbbbbbbbbbbbbbb"}}},
                    {"text":" \u2022 "},
                    {"text":"Das Album","navigationEndpoint":{"browseEndpoint":{"browseId":"MPREb_ccccccccccc"}}},
                    {"text":" \u2022 "},{"text":"2021"},{"text":" \u2022 "},{"text":"4:05"}]}}}],
                "playlistItemData":{"videoId":"abcdefghijk"}}}]}}]}}}
            """;
        using var doc = JsonDocument.Parse(json);

        var item = Assert.Single(YouTubeMusicSearchParser.Parse(doc.RootElement).Candidates);

        Assert.Equal(["Eins", "Zwei Ohne Kanal", "Drei"], item.Artists);
        Assert.Equal("Das Album", item.Album);
        Assert.Equal(TimeSpan.FromSeconds(245), item.Duration);
        Assert.False(item.IsSong);
    }
}
