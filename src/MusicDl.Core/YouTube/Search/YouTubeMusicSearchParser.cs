using System.Text.Json;

namespace MusicDl.YouTube.Search;

/// <summary>
/// Reads a YouTube Music (WEB_REMIX) search answer. Only ids, browseId prefixes, page types,
/// musicVideoType and positions are used, never words: the answer comes in the user's language.
/// </summary>
internal static class YouTubeMusicSearchParser
{
    // The run that separates subtitle parts is a symbol, the same in every language.
    private const string Separator = "•";
    private const string SongType = "MUSIC_VIDEO_TYPE_ATV";
    private const string PodcastEpisodeType = "MUSIC_VIDEO_TYPE_PODCAST_EPISODE";
    private const string AlbumPrefix = "MPRE";
    private const string GreyOut = "MUSIC_ITEM_RENDERER_DISPLAY_POLICY_GREY_OUT";

    /// <summary>
    /// A well-formed answer: its section list or continuation shelf is there (it may still hold nothing). Anything else
    /// (null, an error object, another shape) is the service's fault and must never be cached as "not found".
    /// </summary>
    public static bool IsSearchAnswer(JsonElement root) =>
        root.At("continuationContents", "musicShelfContinuation") is not null
        || root.At("contents", "tabbedSearchResultsRenderer", "tabs", 0, "tabRenderer", "content", "sectionListRenderer", "contents") is { ValueKind: JsonValueKind.Array }
        || root.At("contents", "sectionListRenderer", "contents") is { ValueKind: JsonValueKind.Array };

    public static SearchPage Parse(JsonElement root)
    {
        var candidates = new List<SearchCandidate>();
        string? continuation = null;

        if (root.At("continuationContents", "musicShelfContinuation") is { } next)
        {
            AddItems(next.At("contents"), candidates);
            return new SearchPage(Distinct(candidates), NextToken(next));
        }

        var sections = root.At("contents", "tabbedSearchResultsRenderer", "tabs", 0, "tabRenderer", "content", "sectionListRenderer", "contents")
            ?? root.At("contents", "sectionListRenderer", "contents");
        foreach (var section in sections.Items())
        {
            switch (section.Kind())
            {
                case "musicCardShelfRenderer":
                    var card = section.GetProperty("musicCardShelfRenderer");
                    if (ParseCard(card) is { } top)
                    {
                        candidates.Add(top);
                    }

                    AddItems(card.At("contents"), candidates);
                    break;
                case "musicShelfRenderer":
                    var shelf = section.GetProperty("musicShelfRenderer");
                    AddItems(shelf.At("contents"), candidates);
                    continuation ??= NextToken(shelf);
                    break;
                case "itemSectionRenderer":
                    // Usually a message ("did you mean", info panels); since mid-2026 it may also hold result items
                    // (or a shelf of them), which ytmusicapi reads too.
                    foreach (var inner in section.GetProperty("itemSectionRenderer").At("contents").Items())
                    {
                        if (inner.At("musicShelfRenderer") is { } nested)
                        {
                            AddItems(nested.At("contents"), candidates);
                            continuation ??= NextToken(nested);
                        }
                    }

                    AddItems(section.At("itemSectionRenderer", "contents"), candidates);
                    break;
                default:
                    // Anything new: not results.
                    break;
            }
        }

        return new SearchPage(Distinct(candidates), continuation);
    }

    private static string? NextToken(JsonElement shelf) =>
        shelf.At("continuations", 0, "nextContinuationData", "continuation").String();

    // The card often repeats as the first shelf item; the first (higher-ranked) one wins.
    private static List<SearchCandidate> Distinct(List<SearchCandidate> candidates) =>
        candidates.DistinctBy(c => c.VideoId, StringComparer.Ordinal).ToList();

    private static void AddItems(JsonElement? contents, List<SearchCandidate> into)
    {
        foreach (var item in contents.Items())
        {
            if (item.At("musicResponsiveListItemRenderer") is { } renderer && ParseItem(renderer) is { } candidate)
            {
                into.Add(candidate);
            }
        }
    }

    private static SearchCandidate? ParseItem(JsonElement r)
    {
        var titleRuns = r.At("flexColumns", 0, "musicResponsiveListItemFlexColumnRenderer", "text", "runs");
        var watch = r.At("overlay", "musicItemThumbnailOverlayRenderer", "content", "musicPlayButtonRenderer", "playNavigationEndpoint", "watchEndpoint")
            ?? titleRuns.At(0, "navigationEndpoint", "watchEndpoint");
        var videoId = watch.At("videoId").String() ?? r.At("playlistItemData", "videoId").String();
        var subtitle = r.At("flexColumns").Items().Skip(1)
            .Select(c => c.At("musicResponsiveListItemFlexColumnRenderer", "text", "runs").Items());
        var badges = r.At("badges");
        return Build(videoId, watch, Text(titleRuns), subtitle, badges, IsGreyedOut(r));
    }

    private static SearchCandidate? ParseCard(JsonElement card)
    {
        var titleRuns = card.At("title", "runs");
        var watch = titleRuns.At(0, "navigationEndpoint", "watchEndpoint")
            ?? card.At("onTap", "watchEndpoint")
            ?? card.At("thumbnailOverlay", "musicItemThumbnailOverlayRenderer", "content", "musicPlayButtonRenderer", "playNavigationEndpoint", "watchEndpoint");
        var subtitle = new[] { card.At("subtitle", "runs").Items() };
        var badges = card.At("subtitleBadges") ?? card.At("badges");
        return Build(watch.At("videoId").String(), watch, Text(titleRuns), subtitle, badges, IsGreyedOut(card));
    }

    // Greyed-out items have no play button and no musicVideoType; the display policy is what says so.
    private static bool IsGreyedOut(JsonElement renderer) =>
        renderer.At("musicItemRendererDisplayPolicy").String() == GreyOut;

    private static SearchCandidate? Build(
        string? videoId, JsonElement? watch, string title, IEnumerable<IEnumerable<JsonElement>> subtitleColumns, JsonElement? badges, bool greyedOut)
    {
        // Albums, artists, playlists and profiles have no video to play; podcast episodes are not music.
        var videoType = watch.At("watchEndpointMusicSupportedConfigs", "watchEndpointMusicConfig", "musicVideoType").String();
        if (!YouTubeVideoId.IsValid(videoId) || videoType == PodcastEpisodeType || title.Length == 0)
        {
            return null;
        }

        var (artists, album, duration) = ReadSubtitle(subtitleColumns);
        return new SearchCandidate
        {
            VideoId = videoId,
            Title = title,
            Artists = artists,
            Album = album,
            Duration = duration,
            Explicit = badges.Items().Any(b => b.At("musicInlineBadgeRenderer") is not null),
            IsSong = videoType == SongType,
            VideoType = videoType,
            GreyedOut = greyedOut,
            Provider = SearchProviders.YouTubeMusic,
        };
    }

    /// <summary>
    /// Subtitle parts are separated by " • " runs: a type word (not always present), artists, album,
    /// counts, a year or a duration. Linked runs say what they are; unlinked artist names are taken
    /// from the last part that is neither linked, numeric nor a duration.
    /// </summary>
    private static (IReadOnlyList<string> Artists, string? Album, TimeSpan? Duration) ReadSubtitle(IEnumerable<IEnumerable<JsonElement>> columns)
    {
        var artists = new List<string>();
        var unlinked = new List<string>();
        string? album = null;
        TimeSpan? duration = null;

        foreach (var part in columns.SelectMany(Split))
        {
            var linked = part.Where(r => r.At("navigationEndpoint", "browseEndpoint", "browseId").String() is not null).ToList();
            var text = string.Concat(part.Select(r => r.At("text").String())).Trim();
            if (linked.Count > 0)
            {
                var albumRun = linked.FirstOrDefault(r => BrowseId(r).StartsWith(AlbumPrefix, StringComparison.Ordinal));
                if (albumRun.ValueKind != JsonValueKind.Undefined)
                {
                    album ??= albumRun.At("text").String()?.Trim();
                }
                else if (linked.Any(r => BrowseId(r).StartsWith("UC", StringComparison.Ordinal)))
                {
                    // Artists and joiners (", ", " & ", " und "...) alternate: names sit at even positions,
                    // linked or not (an artist without a channel has no link).
                    artists.AddRange(part.Where((_, i) => i % 2 == 0)
                        .Select(r => r.At("text").String()?.Trim())
                        .OfType<string>()
                        .Where(n => n.Length > 0));
                }
            }
            else if (DurationText.TryParse(text) is { } d)
            {
                duration = d;
            }
            else if (text.Length > 0 && !char.IsDigit(text[0]))
            {
                unlinked.Add(text);
            }
        }

        if (artists.Count == 0 && unlinked.Count > 0)
        {
            artists.Add(unlinked[^1]);
        }

        return (artists, album, duration);
    }

    private static string BrowseId(JsonElement run) =>
        run.At("navigationEndpoint", "browseEndpoint", "browseId").String() ?? string.Empty;

    private static IEnumerable<List<JsonElement>> Split(IEnumerable<JsonElement> runs)
    {
        var part = new List<JsonElement>();
        foreach (var run in runs)
        {
            if (run.At("text").String()?.Trim() == Separator)
            {
                yield return part;
                part = [];
            }
            else
            {
                part.Add(run);
            }
        }

        yield return part;
    }

    private static string Text(JsonElement? runs) =>
        string.Concat(runs.Items().Select(r => r.At("text").String())).Trim();
}
