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
        var card = page.Candidates[0];
        Assert.Equal("Moments", card.Title);
        Assert.False(card.IsSong);
        Assert.Equal("MUSIC_VIDEO_TYPE_OMV", card.VideoType);
        Assert.Equal(["Robbie Rosen", "Lost Identities"], card.Artists);
        Assert.Equal(TimeSpan.FromSeconds(221), card.Duration);
        Assert.Null(card.Album);
    }

    [Fact]
    public void Card_items_with_a_type_word_and_three_artists_keep_every_linked_artist()
    {
        using var doc = RecordedAnswers.Load("ytmusic-search-query.json");

        var item = YouTubeMusicSearchParser.Parse(doc.RootElement).Candidates.Single(c => c.VideoId == "PVUe0rW8qkE");

        Assert.Equal("Somebody Like You", item.Title);
        Assert.Equal(["Bassanova", "Van Maximilian", "Robbie Rosen"], item.Artists);
        Assert.Equal("Somebody Like You", item.Album);
        Assert.Equal(TimeSpan.FromSeconds(187), item.Duration);
        Assert.True(item.IsSong);
    }

    [Fact]
    public void Song_rows_carry_artists_album_and_duration_from_links_not_words()
    {
        using var doc = RecordedAnswers.Load("ytmusic-search-query.json");

        var song = YouTubeMusicSearchParser.Parse(doc.RootElement).Candidates.Single(c => c.VideoId == "0h6XAAwX8II");

        Assert.Equal("Moments", song.Title);
        Assert.Equal(["Lost Identities", "Robbie Rosen"], song.Artists);
        Assert.Equal("Moments", song.Album);
        Assert.Equal(TimeSpan.FromSeconds(220), song.Duration);
        Assert.True(song.IsSong);
        Assert.False(song.Explicit);
    }

    [Fact]
    public void Video_rows_skip_the_type_word_and_the_view_count()
    {
        using var doc = RecordedAnswers.Load("ytmusic-search-query.json");

        var video = YouTubeMusicSearchParser.Parse(doc.RootElement).Candidates.Single(c => c.VideoId == "GnKXjblvqOg");

        Assert.Equal("Lost Identities & Robbie Rosen - Moments (Lyrics)", video.Title);
        Assert.Equal(["Lyrics Kart"], video.Artists);
        Assert.Equal(TimeSpan.FromSeconds(218), video.Duration);
        Assert.False(video.IsSong);
        Assert.Equal("MUSIC_VIDEO_TYPE_UGC", video.VideoType);
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
