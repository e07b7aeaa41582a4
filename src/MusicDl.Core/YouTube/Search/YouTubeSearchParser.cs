using System.Text.Json;

namespace MusicDl.YouTube.Search;

/// <summary>
/// Reads a plain YouTube (WEB) search answer or continuation page: <c>videoRenderer</c> items and, as yt-dlp reads
/// them, <c>lockupViewModel</c> items of content type video.
/// </summary>
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
                else if (item.At("lockupViewModel") is { } lockup && ParseLockup(lockup) is { } viewModel)
                {
                    candidates.Add(viewModel);
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

    private static SearchCandidate? ParseLockup(JsonElement l)
    {
        // Playlists, channels and mixes come as lockups too; only videos are recordings.
        var type = l.At("contentType").String();
        if (type is not null && type != "LOCKUP_CONTENT_TYPE_VIDEO")
        {
            return null;
        }

        var videoId = l.At("contentId").String()
            ?? l.At("rendererContext", "commandContext", "onTap", "innertubeCommand", "watchEndpoint", "videoId").String();
        var meta = l.At("metadata", "lockupMetadataViewModel");
        var title = meta.At("title", "content").String()?.Trim() ?? string.Empty;

        // The length is a thumbnail badge ("3:45"); live streams carry a word instead and are left out.
        var duration = Badges(l.At("contentImage", "thumbnailViewModel"))
            .Select(DurationText.TryParse)
            .FirstOrDefault(d => d is not null);
        if (!YouTubeVideoId.IsValid(videoId) || title.Length == 0 || duration is null)
        {
            return null;
        }

        // The first part of the first metadata row is the channel (its text, whatever the language).
        var channel = meta.At("metadata", "contentMetadataViewModel", "metadataRows", 0, "metadataParts", 0, "text", "content").String()?.Trim();
        return new SearchCandidate
        {
            VideoId = videoId,
            Title = title,
            Artists = string.IsNullOrEmpty(channel) ? [] : [channel],
            Duration = duration,
            IsSong = false,
            Provider = SearchProviders.YouTube,
        };
    }

    // Badges sit in thumbnailOverlayBadgeViewModel.thumbnailBadges[] or thumbnailBottomOverlayViewModel.badges[].
    private static IEnumerable<string?> Badges(JsonElement? thumbnail)
    {
        foreach (var overlay in thumbnail.At("overlays").Items())
        {
            var badges = overlay.At("thumbnailOverlayBadgeViewModel", "thumbnailBadges").Items()
                .Concat(overlay.At("thumbnailBottomOverlayViewModel", "badges").Items());
            foreach (var badge in badges)
            {
                yield return badge.At("thumbnailBadgeViewModel", "text").String();
            }
        }
    }
}
