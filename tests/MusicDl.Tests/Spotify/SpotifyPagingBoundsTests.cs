using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using MusicDl.Fakes;
using MusicDl.Models;
using MusicDl.Spotify;

namespace MusicDl.Tests.Spotify;

/// <summary>Issue 25: a <c>next</c> that never ends cannot make a source read forever.</summary>
public sealed class SpotifyPagingBoundsTests : SpotifyTestBase
{
    [Fact]
    public async Task An_endless_next_stops_after_total_over_limit_plus_one_pages()
    {
        await Bed.LogInAsync();
        var playlist = Bed.Spotify.AddGeneratedPlaylist(3);
        var route = EndlessPages(total: 120);
        using var client = Bed.CreateClient();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var resolved = await client.ResolveAsync(new SpotifySource(SourceKind.Playlist, playlist.Id, $"spotify:playlist:{playlist.Id}"), bound.Token);

        // total 120, limit 50: three pages at most, and none once the items reached the total.
        Assert.Equal(3, route.Count);
        Assert.Equal(150, resolved.Entries.Count);
    }

    [Fact]
    public async Task A_source_past_ten_thousand_items_is_cut_there_and_said_in_one_line()
    {
        await Bed.LogInAsync();
        var playlist = Bed.Spotify.AddGeneratedPlaylist(3);
        var route = EndlessPages(total: 1_000_000);
        var log = new ListLogger();
        using var client = SpotifyClient.Create(Bed.Settings, Bed.Tokens, metadata: null, Bed.Options with { Log = log });
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        var resolved = await client.ResolveAsync(new SpotifySource(SourceKind.Playlist, playlist.Id, $"spotify:playlist:{playlist.Id}"), bound.Token);

        Assert.Equal(10_000, resolved.Entries.Count);
        Assert.Equal(200, route.Count);
        var warning = Assert.Single(log.Lines);
        Assert.Contains("10000", warning, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', warning);
    }

    [Fact]
    public async Task Short_pages_claiming_a_huge_total_stop_after_the_pages_the_item_cap_allows()
    {
        await Bed.LogInAsync();
        var playlist = Bed.Spotify.AddGeneratedPlaylist(3);
        var route = EndlessPages(total: 1_000_000, perPage: 7);
        using var client = Bed.CreateClient();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        var resolved = await client.ResolveAsync(new SpotifySource(SourceKind.Playlist, playlist.Id, $"spotify:playlist:{playlist.Id}"), bound.Token);

        // 10,000 items at 50 a page need 200 pages: the first, then at most 201 more, whatever the total says.
        Assert.Equal(202, route.Count);
        Assert.Equal(202 * 7, resolved.Entries.Count);
    }

    [Fact]
    public async Task An_empty_page_is_the_last_whatever_its_next_says()
    {
        await Bed.LogInAsync();
        var playlist = Bed.Spotify.AddGeneratedPlaylist(3);
        var route = EndlessPages(total: 1_000_000, perPage: 0);
        using var client = Bed.CreateClient();

        var resolved = await client.ResolveAsync(new SpotifySource(SourceKind.Playlist, playlist.Id, $"spotify:playlist:{playlist.Id}"), CancellationToken.None);

        Assert.Equal(2, route.Count);
        Assert.Empty(resolved.Entries);
    }

    /// <summary>Every items page answers <paramref name="perPage"/> removed entries and a next one further on (never the same), forever.</summary>
    private FakeRoute EndlessPages(int total, int perPage = 50) =>
        Bed.Host.MapGet("/v1/playlists/{id}/items", (context, values) =>
        {
            var offset = int.TryParse(context.Request.Query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
            var items = string.Join(',', Enumerable.Repeat("{\"track\":null}", perPage));
            var next = Bed.Host.Url($"/v1/playlists/{values["id"]}/items?offset={offset + Math.Max(perPage, 1)}&limit=50");
            return FakeHost.WriteJsonAsync(context, $"{{\"items\":[{items}],\"next\":\"{next}\",\"total\":{total},\"offset\":{offset},\"limit\":50}}");
        });

    private sealed class ListLogger : ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                Lines.Enqueue(formatter(state, exception));
            }
        }
    }
}
