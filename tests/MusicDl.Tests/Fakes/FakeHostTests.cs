using System.Net;
using MusicDl.Fakes;

namespace MusicDl.Tests.Fakes;

public sealed class FakeHostTests : IAsyncLifetime
{
    private FakeHost _host = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _host = await FakeHost.StartAsync();
        _host.MapGet("/v1/tracks/{id}", (ctx, v) => FakeHost.WriteJsonAsync(ctx, $$"""{"id":"{{v["id"]}}"}"""));
        _host.MapGet("/media/{name}", (ctx, _) => ctx.Response.Body.WriteAsync(new byte[1000]).AsTask());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Routes_answer_on_loopback_and_count_their_requests()
    {
        Assert.Equal("127.0.0.1", _host.BaseUri.Host);
        var body = await _http.GetStringAsync(_host.Url("/v1/tracks/abc?market=US"));
        await _http.GetStringAsync(_host.Url("/v1/tracks/def"));

        Assert.Equal("""{"id":"abc"}""", body);
        Assert.Equal(2, _host.Route("GET", "/v1/tracks/{id}").Count);
        Assert.Equal(0, _host.UnmatchedCount);
    }

    [Fact]
    public async Task Unknown_paths_are_404_and_counted_as_unmatched()
    {
        using var response = await _http.GetAsync(_host.Url("/nowhere"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, _host.UnmatchedCount);
    }

    [Fact]
    public async Task A_status_fault_with_retry_after_applies_for_its_count_then_the_route_recovers()
    {
        _host.Route("GET", "/v1/tracks/{id}").Fail(new FakeFault { Status = 429, RetryAfterSeconds = 7, Times = 1 });

        using var first = await _http.GetAsync(_host.Url("/v1/tracks/x"));
        using var second = await _http.GetAsync(_host.Url("/v1/tracks/x"));

        Assert.Equal((HttpStatusCode)429, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_fault_replaces_the_body()
    {
        _host.Route("GET", "/v1/tracks/{id}").Fail(new FakeFault { MalformedJson = true, Times = 1 });
        var body = await _http.GetStringAsync(_host.Url("/v1/tracks/x"));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(body));
    }

    [Fact]
    public async Task A_cut_fault_drops_the_connection_after_the_given_bytes()
    {
        _host.Route("GET", "/media/{name}").Fail(new FakeFault { CutAfterBytes = 100, Times = 1 });
        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await _http.GetAsync(_host.Url("/media/a"), HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            await stream.CopyToAsync(Stream.Null);
        });

        // Before the headers went out the client sees HttpRequestException; after, an IOException mid-body.
        Assert.True(error is HttpRequestException or IOException, $"expected a dropped connection, got {error?.GetType().Name ?? "no error"}");
        // A fresh client: the aborted connection must not be taken from the pool.
        using var fresh = new HttpClient();
        var whole = await fresh.GetByteArrayAsync(_host.Url("/media/a"));
        Assert.Equal(1000, whole.Length);
    }

    [Fact]
    public async Task A_held_request_waits_until_released()
    {
        var route = _host.Route("GET", "/v1/tracks/{id}").HoldRequest(1);
        var pending = _http.GetStringAsync(_host.Url("/v1/tracks/held"));
        await route.Held.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(pending.IsCompleted);
        route.Release();
        Assert.Equal("""{"id":"held"}""", await pending.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
