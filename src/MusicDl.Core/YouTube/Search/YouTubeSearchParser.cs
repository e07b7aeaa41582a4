using System.Text.Json;

namespace MusicDl.YouTube.Search;

/// <summary>Reads a plain YouTube (WEB) search answer or continuation page: videoRenderer items only.</summary>
internal static class YouTubeSearchParser
{
    /// <summary>A well-formed answer (its section list or continuation items are there); anything else is the service's fault.</summary>
    public static bool IsSearchAnswer(JsonElement root) =>
        root.At("contents", "twoColumnSearchResultsRenderer", "primaryContents", "sectionListRenderer", "contents") is { ValueKind: JsonValueKind.Array }
        || root.At("onResponseReceivedCommands", 0, "appendContinuationItemsAction", "continuationItems") is { ValueKind: JsonValueKind.Array };

    public static SearchPage Parse(JsonElement root)
    {
        var sections = root.At("contents", "twoColumnSearchResultsRenderer", "primaryContents", "sectionListRenderer", "contents")
            ?? root.At("onResponseReceivedCommands", 0, "appendContinuationItemsAction", "continuationItems");
        var candidates = new List<SearchCandidate>();
        string? continuation = null;
        foreach (var section in sections.Items())
        {
            foreach (var item in section.At("itemSectionRenderer", "contents").Items())
            {
                if (item.At("videoRenderer") is { } video && ParseVideo(video) is { } candidate)
                {
                    candidates.Add(candidate);
                }
            }

            continuation ??= section.At("continuationItemRenderer", "continuationEndpoint", "continuationCommand", "token").String();
        }

        return new SearchPage(candidates.DistinctBy(c => c.VideoId, StringComparer.Ordinal).ToList(), continuation);
    }

    private static SearchCandidate? ParseVideo(JsonElement v)
    {
        var videoId = v.At("videoId").String();
        var title = string.Concat(v.At("title", "runs").Items().Select(r => r.At("text").String())).Trim();
        // Live streams and premieres have no length: they are not recordings of a song.
        var duration = DurationText.TryParse(v.At("lengthText", "simpleText").String());
        if (!YouTubeVideoId.IsValid(videoId) || title.Length == 0 || duration is null)
        {
            return null;
        }

        var channel = v.At("ownerText", "runs", 0, "text").String() ?? v.At("longBylineText", "runs", 0, "text").String();
        return new SearchCandidate
        {
            VideoId = videoId,
            Title = title,
            Artists = channel is null ? [] : [channel],
            Duration = duration,
            IsSong = false,
            Provider = SearchProviders.YouTube,
        };
    }
}
