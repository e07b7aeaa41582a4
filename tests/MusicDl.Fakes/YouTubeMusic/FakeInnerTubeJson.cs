using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MusicDl.Fakes.YouTubeMusic;

/// <summary>
/// Builds search answers in the real InnerTube shapes (see the recorded answers in Fixtures/YouTube).
/// Words are German, as in the recordings, so that a parser depending on them fails.
/// </summary>
internal static class FakeInnerTubeJson
{
    private const string Dot = " \u2022 ";

    public static JsonObject MusicAnswer(IEnumerable<JsonObject> sections) => new()
    {
        ["responseContext"] = new JsonObject { ["visitorData"] = "CgtGYWtlVmlzaXRvcg%3D%3D" },
        ["contents"] = new JsonObject
        {
            ["tabbedSearchResultsRenderer"] = new JsonObject
            {
                ["tabs"] = new JsonArray(new JsonObject
                {
                    ["tabRenderer"] = new JsonObject
                    {
                        ["title"] = "YT Music",
                        ["selected"] = true,
                        ["content"] = new JsonObject { ["sectionListRenderer"] = new JsonObject { ["contents"] = Array(sections) } },
                    },
                }),
            },
        },
        ["trackingParams"] = "fake",
    };

    public static JsonObject MusicContinuation(IEnumerable<JsonObject> items, string? next)
    {
        var shelf = new JsonObject { ["contents"] = Array(items) };
        AddContinuation(shelf, next);
        return new JsonObject { ["continuationContents"] = new JsonObject { ["musicShelfContinuation"] = shelf } };
    }

    /// <summary>The "more about these results" message that opens real answers.</summary>
    public static JsonObject Message() => new()
    {
        ["itemSectionRenderer"] = new JsonObject
        {
            ["contents"] = new JsonArray(new JsonObject
            {
                ["messageRenderer"] = new JsonObject { ["text"] = Runs(Run("Weitere Informationen zu diesen Ergebnissen")) },
            }),
        },
    };

    public static JsonObject Shelf(string title, IEnumerable<JsonObject> items, string? next)
    {
        var shelf = new JsonObject
        {
            ["title"] = Runs(Run(title)),
            ["contents"] = Array(items),
        };
        AddContinuation(shelf, next);
        return new JsonObject { ["musicShelfRenderer"] = shelf };
    }

    public static JsonObject Card(FakeSong top, IEnumerable<JsonObject> more)
    {
        var subtitle = new List<JsonObject> { Run(top.IsSong ? "Titel" : "Video"), Run(Dot) };
        subtitle.AddRange(ArtistRuns(top));
        if (top.IsSong && top.Album is { } album)
        {
            subtitle.Add(Run(Dot));
            subtitle.Add(AlbumRun(album));
        }

        subtitle.Add(Run(Dot));
        subtitle.Add(Run(Duration(top.Duration)));
        var card = new JsonObject
        {
            ["title"] = Runs(WatchRun(top.Title, top)),
            ["subtitle"] = Runs([.. subtitle]),
            ["contents"] = Array(more.Prepend(new JsonObject
            {
                ["messageRenderer"] = new JsonObject { ["text"] = Runs(Run("Mehr von YouTube")) },
            })),
            ["onTap"] = new JsonObject { ["watchEndpoint"] = Watch(top) },
            ["header"] = new JsonObject { ["musicCardShelfHeaderBasicRenderer"] = new JsonObject { ["title"] = Runs(Run("Top-Ergebnis")) } },
        };
        if (top.Explicit)
        {
            card["subtitleBadges"] = ExplicitBadge();
        }

        return new JsonObject { ["musicCardShelfRenderer"] = card };
    }

    /// <summary>A song or video row; <paramref name="typeWord"/> as unfiltered video rows have ("Video • ...").</summary>
    public static JsonObject Item(FakeSong s, bool typeWord)
    {
        var second = new List<JsonObject>();
        if (typeWord)
        {
            second.Add(Run(s.IsSong ? "Titel" : "Video"));
            second.Add(Run(Dot));
        }

        second.AddRange(ArtistRuns(s));
        second.Add(Run(Dot));
        second.Add(s.IsSong && s.Album is { } album ? AlbumRun(album) : Run("12.345 Aufrufe"));
        second.Add(Run(Dot));
        second.Add(Run(Duration(s.Duration)));
        if (s.GreyedOut)
        {
            return GreyedOutItem(s, second);
        }

        var renderer = new JsonObject
        {
            ["overlay"] = new JsonObject
            {
                ["musicItemThumbnailOverlayRenderer"] = new JsonObject
                {
                    ["content"] = new JsonObject
                    {
                        ["musicPlayButtonRenderer"] = new JsonObject { ["playNavigationEndpoint"] = new JsonObject { ["watchEndpoint"] = Watch(s) } },
                    },
                },
            },
            ["flexColumns"] = new JsonArray(
                Column(WatchRun(s.Title, s)),
                Column([.. second]),
                Column(Run("3701\u00a0Wiedergaben"))),
            ["playlistItemData"] = new JsonObject { ["videoId"] = s.VideoId },
        };
        if (s.Explicit)
        {
            renderer["badges"] = ExplicitBadge();
        }

        return new JsonObject { ["musicResponsiveListItemRenderer"] = renderer };
    }

    // As YouTube Music shows an item it cannot play: the grey-out display policy, no play button, no watch endpoint
    // (so no musicVideoType); the id is left only in playlistItemData.
    private static JsonObject GreyedOutItem(FakeSong s, List<JsonObject> second) => new()
    {
        ["musicResponsiveListItemRenderer"] = new JsonObject
        {
            ["flexColumns"] = new JsonArray(Column(Run(s.Title)), Column([.. second]), Column(Run("3701\u00a0Wiedergaben"))),
            ["playlistItemData"] = new JsonObject { ["videoId"] = s.VideoId },
            ["musicItemRendererDisplayPolicy"] = "MUSIC_ITEM_RENDERER_DISPLAY_POLICY_GREY_OUT",
        },
    };

    /// <summary>An album row: no video, browse endpoint to MPRE…; a parser must skip it.</summary>
    public static JsonObject AlbumItem(string album, string artist) => new()
    {
        ["musicResponsiveListItemRenderer"] = new JsonObject
        {
            ["flexColumns"] = new JsonArray(Column(Run(album)), Column(Run("Album"), Run(Dot), ArtistRun(artist), Run(Dot), Run("2022"))),
            ["navigationEndpoint"] = new JsonObject { ["browseEndpoint"] = Browse(AlbumId(album), "MUSIC_PAGE_TYPE_ALBUM") },
        },
    };

    /// <summary>An artist row: a parser must skip it.</summary>
    public static JsonObject ArtistItem(string artist) => new()
    {
        ["musicResponsiveListItemRenderer"] = new JsonObject
        {
            ["flexColumns"] = new JsonArray(Column(Run(artist)), Column(Run("Künstler"), Run(Dot), Run("251 Abonnenten"))),
            ["navigationEndpoint"] = new JsonObject { ["browseEndpoint"] = Browse(ArtistId(artist), "MUSIC_PAGE_TYPE_ARTIST") },
        },
    };

    public static JsonObject YouTubeAnswer(IEnumerable<JsonObject> items, string? next) => new()
    {
        ["contents"] = new JsonObject
        {
            ["twoColumnSearchResultsRenderer"] = new JsonObject
            {
                ["primaryContents"] = new JsonObject
                {
                    ["sectionListRenderer"] = new JsonObject { ["contents"] = YouTubeSections(items, next) },
                },
            },
        },
    };

    public static JsonObject YouTubeContinuation(IEnumerable<JsonObject> items, string? next) => new()
    {
        ["onResponseReceivedCommands"] = new JsonArray(new JsonObject
        {
            ["appendContinuationItemsAction"] = new JsonObject { ["continuationItems"] = YouTubeSections(items, next) },
        }),
    };

    public static JsonObject VideoRenderer(FakeSong s) => new()
    {
        ["videoRenderer"] = new JsonObject
        {
            ["videoId"] = s.VideoId,
            ["title"] = Runs(Run(s.IsSong ? $"{s.Title}" : $"{s.Artists.FirstOrDefault()} - {s.Title}")),
            ["ownerText"] = Runs(Run(s.Channel ?? (s.IsSong ? $"{s.Artists.FirstOrDefault()} - Topic" : s.Artists.FirstOrDefault() ?? "Kanal"))),
            ["lengthText"] = new JsonObject { ["simpleText"] = Duration(s.Duration) },
            ["viewCountText"] = new JsonObject { ["simpleText"] = "12.345 Aufrufe" },
        },
    };

    /// <summary>Things plain YouTube mixes into results that are not videos: an ad, a channel, a live stream.</summary>
    public static IEnumerable<JsonObject> YouTubeNoise() =>
    [
        new JsonObject { ["adSlotRenderer"] = new JsonObject { ["slotId"] = "0" } },
        new JsonObject { ["channelRenderer"] = new JsonObject { ["channelId"] = "UCfakechannel0000000000", ["title"] = new JsonObject { ["simpleText"] = "Kanal" } } },
        new JsonObject
        {
            ["videoRenderer"] = new JsonObject
            {
                ["videoId"] = "LiveStream1",
                ["title"] = Runs(Run("24/7 Radio")),
                ["ownerText"] = Runs(Run("Radio")),
            },
        },
    ];

    public static string Duration(TimeSpan d) => d.TotalHours >= 1
        ? d.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMinutes}:{d.Seconds:00}");

    private static JsonArray YouTubeSections(IEnumerable<JsonObject> items, string? next)
    {
        var sections = new JsonArray(new JsonObject { ["itemSectionRenderer"] = new JsonObject { ["contents"] = Array(items) } });
        if (next is not null)
        {
            sections.Add(new JsonObject
            {
                ["continuationItemRenderer"] = new JsonObject
                {
                    ["trigger"] = "CONTINUATION_TRIGGER_ON_ITEM_SHOWN",
                    ["continuationEndpoint"] = new JsonObject { ["continuationCommand"] = new JsonObject { ["token"] = next, ["request"] = "CONTINUATION_REQUEST_TYPE_SEARCH" } },
                },
            });
        }

        return sections;
    }

    private static void AddContinuation(JsonObject shelf, string? next)
    {
        if (next is not null)
        {
            shelf["continuations"] = new JsonArray(new JsonObject
            {
                ["nextContinuationData"] = new JsonObject { ["continuation"] = next, ["clickTrackingParams"] = "fake" },
            });
        }
    }

    private static List<JsonObject> ArtistRuns(FakeSong s)
    {
        var runs = new List<JsonObject>();
        for (var i = 0; i < s.Artists.Count; i++)
        {
            if (i > 0)
            {
                runs.Add(Run(i == s.Artists.Count - 1 ? " und " : ", "));
            }

            runs.Add(ArtistRun(s.Artists[i]));
        }

        return runs;
    }

    private static JsonObject ArtistRun(string artist) => new()
    {
        ["text"] = artist,
        ["navigationEndpoint"] = new JsonObject { ["browseEndpoint"] = Browse(ArtistId(artist), "MUSIC_PAGE_TYPE_ARTIST") },
    };

    private static JsonObject AlbumRun(string album) => new()
    {
        ["text"] = album,
        ["navigationEndpoint"] = new JsonObject { ["browseEndpoint"] = Browse(AlbumId(album), "MUSIC_PAGE_TYPE_ALBUM") },
    };

    private static JsonObject WatchRun(string text, FakeSong s) => new()
    {
        ["text"] = text,
        ["navigationEndpoint"] = new JsonObject { ["watchEndpoint"] = Watch(s) },
    };

    private static JsonObject Watch(FakeSong s) => new()
    {
        ["videoId"] = s.VideoId,
        ["watchEndpointMusicSupportedConfigs"] = new JsonObject
        {
            ["watchEndpointMusicConfig"] = new JsonObject { ["musicVideoType"] = s.VideoType },
        },
    };

    private static JsonObject Browse(string id, string pageType) => new()
    {
        ["browseId"] = id,
        ["browseEndpointContextSupportedConfigs"] = new JsonObject
        {
            ["browseEndpointContextMusicConfig"] = new JsonObject { ["pageType"] = pageType },
        },
    };

    private static JsonArray ExplicitBadge() => new(new JsonObject
    {
        ["musicInlineBadgeRenderer"] = new JsonObject { ["icon"] = new JsonObject { ["iconType"] = "MUSIC_EXPLICIT_BADGE" } },
    });

    private static JsonObject Column(params JsonObject[] runs) => new()
    {
        ["musicResponsiveListItemFlexColumnRenderer"] = new JsonObject { ["text"] = Runs(runs) },
    };

    private static JsonObject Runs(params JsonObject[] runs) => new() { ["runs"] = Array(runs) };

    private static JsonObject Run(string text) => new() { ["text"] = text };

    private static JsonArray Array(IEnumerable<JsonObject> items) => new([.. items]);

    private static string ArtistId(string name) => "UC" + Hash(name, 22);

    private static string AlbumId(string name) => "MPREb_" + Hash(name, 11);

    private static string Hash(string text, int length) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text))).Replace('+', '-').Replace('/', '_')[..length];
}
