using Microsoft.Extensions.Time.Testing;
using MusicDl.Configuration;
using MusicDl.Fakes;
using MusicDl.Fakes.YouTubeMusic;

namespace MusicDl.Tests.YouTube.Search;

/// <summary>A fake host with the fake search services, an HTTP client and endpoints pointing at it.</summary>
internal sealed class FakeSearchFixture : IAsyncDisposable
{
    private FakeSearchFixture(FakeHost host)
    {
        Host = host;
        Music = new FakeYouTubeMusic(host);
        Endpoints = Endpoints.Default with { YouTubeMusic = host.BaseUri, YouTube = host.BaseUri };
    }

    public FakeHost Host { get; }

    public FakeYouTubeMusic Music { get; }

    public Endpoints Endpoints { get; }

    public HttpClient Http { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero));

    public static async Task<FakeSearchFixture> StartAsync() => new(await FakeHost.StartAsync());

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
