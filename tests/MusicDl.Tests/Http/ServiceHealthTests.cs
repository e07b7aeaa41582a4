using System.Net;
using System.Net.Sockets;
using MusicDl.Fakes;
using MusicDl.Fakes.Lrclib;
using MusicDl.Http;
using MusicDl.Lyrics;

namespace MusicDl.Tests.Http;

/// <summary>Issue 22, part 2: when the run stops asking an optional service, and what it says about it.</summary>
public sealed class ServiceHealthTests
{
    private static ServiceHealth Lyrics() => new("LRCLIB", "lyrics", "lyrics");

    [Fact]
    public async Task Three_failures_in_a_row_put_the_service_down_and_no_further_request_is_let_through()
    {
        var health = Lyrics();
        for (var i = 0; i < ServiceHealth.FailureLimit; i++)
        {
            Assert.False(health.IsDown);
            using var ticket = await health.EnterAsync(CancellationToken.None);
            Assert.NotNull(ticket);
            health.Failed(ServiceFailureKind.Timeout, "no answer within request_timeout (5 s)");
        }

        Assert.True(health.IsDown);
        Assert.Null(await health.EnterAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_answer_between_failures_starts_the_count_again()
    {
        var health = Lyrics();
        health.Failed(ServiceFailureKind.ServerError, "HTTP 500");
        health.Failed(ServiceFailureKind.ServerError, "HTTP 500");
        health.Succeeded();
        health.Failed(ServiceFailureKind.ServerError, "HTTP 500");
        health.Failed(ServiceFailureKind.ServerError, "HTTP 500");

        Assert.False(health.IsDown);
        using var ticket = await health.EnterAsync(CancellationToken.None);
        Assert.NotNull(ticket);
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused)]
    [InlineData(SocketError.HostNotFound)]
    [InlineData(SocketError.TryAgain)]
    public void One_refused_connection_or_dns_failure_puts_the_service_down(SocketError error)
    {
        var health = Lyrics();

        health.Failed(new HttpRequestException("no", new SocketException((int)error)), "no");

        Assert.True(health.IsDown);
    }

    [Fact]
    public async Task A_real_refused_connection_is_classified_unreachable()
    {
        using var http = new HttpClient();
        var ex = await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{ClosedPort()}/api/get")));

        Assert.Equal(ServiceFailureKind.Unreachable, ServiceFailures.KindOf(ex));
    }

    [Fact]
    public void Timeouts_5xx_and_broken_answers_are_told_apart()
    {
        Assert.Equal(ServiceFailureKind.Timeout, ServiceFailures.KindOf(new RequestTimedOutException("no answer")));
        Assert.Equal(ServiceFailureKind.Timeout, ServiceFailures.KindOf(new TaskCanceledException("HttpClient.Timeout", new TimeoutException())));
        Assert.Equal(ServiceFailureKind.ServerError, ServiceFailures.KindOf(new HttpRequestException("bad gateway", null, HttpStatusCode.BadGateway)));
        Assert.Equal(ServiceFailureKind.Unreachable, ServiceFailures.KindOf(new HttpRequestException(HttpRequestError.NameResolutionError, "no such host")));
        Assert.Equal(ServiceFailureKind.ConnectionLost, ServiceFailures.KindOf(new IOException("the body was cut")));
    }

    [Fact]
    public async Task Until_the_service_has_answered_its_requests_go_one_at_a_time()
    {
        var health = Lyrics();
        var first = await health.EnterAsync(CancellationToken.None);
        var second = health.EnterAsync(CancellationToken.None).AsTask();

        Assert.NotNull(first);
        Assert.False(second.IsCompleted);
        health.Succeeded();
        first.Dispose();

        using var next = await second;
        Assert.NotNull(next);

        // Once it has answered, nothing is held back.
        using var third = await health.EnterAsync(CancellationToken.None);
        using var fourth = await health.EnterAsync(CancellationToken.None);
        Assert.NotNull(third);
        Assert.NotNull(fourth);
    }

    [Fact]
    public async Task Requests_waiting_when_the_service_goes_down_are_not_sent()
    {
        var health = Lyrics();
        var probe = await health.EnterAsync(CancellationToken.None);
        var waiting = Enumerable.Range(0, 3).Select(_ => health.EnterAsync(CancellationToken.None).AsTask()).ToList();

        health.Failed(ServiceFailureKind.Unreachable, "Connection refused");
        probe!.Dispose();

        foreach (var ticket in await Task.WhenAll(waiting))
        {
            Assert.Null(ticket);
        }
    }

    [Fact]
    public void A_failed_retry_of_the_previous_runs_backlog_puts_a_service_that_has_not_answered_down_at_once()
    {
        var health = Lyrics();
        using (ServiceHealth.RetryingBacklogOf(["cover"]))
        {
            // Another part's backlog: the ordinary rule.
            health.Failed(ServiceFailureKind.Timeout, "no answer");
        }

        Assert.False(health.IsDown);
        using (ServiceHealth.RetryingBacklogOf(["lyrics"]))
        {
            health.Failed(ServiceFailureKind.Timeout, "no answer");
        }

        Assert.True(health.IsDown);
    }

    [Fact]
    public void A_failed_backlog_retry_after_the_service_answered_in_this_run_is_one_failure_of_three()
    {
        var health = Lyrics();
        health.Succeeded();
        using (ServiceHealth.RetryingBacklogOf(["lyrics"]))
        {
            health.Failed(ServiceFailureKind.Timeout, "no answer");
        }

        Assert.False(health.IsDown);
    }

    [Fact]
    public void The_run_says_one_line_naming_the_service_the_reason_and_the_tracks_it_cost()
    {
        var health = Lyrics();
        Assert.Null(health.Report());

        health.Failed(ServiceFailureKind.Unreachable, "Connection refused (127.0.0.1:9)");
        for (var i = 0; i < 98; i++)
        {
            health.Skip();
        }

        Assert.Equal("LRCLIB could not be reached (Connection refused (127.0.0.1:9)): lyrics skipped for 98 tracks; a later run adds them", health.Report());
    }

    [Fact]
    public void A_service_that_failed_without_going_down_is_reported_with_its_last_reason()
    {
        var health = Lyrics();
        health.Failed(ServiceFailureKind.ServerError, "HTTP 500 Internal Server Error");
        health.Skip();

        Assert.Equal("LRCLIB failed 1 time (the last: HTTP 500 Internal Server Error): lyrics skipped for 1 track; a later run adds them", health.Report());
    }

    [Fact]
    public async Task A_client_whose_service_is_down_sends_nothing_and_fails_at_once()
    {
        await using var host = await FakeHost.StartAsync();
        var lrclib = new FakeLrclib(host);
        lrclib.GetRoute.Fail(new FakeFault { Status = 503 });
        using var http = OutboundHttp.Create(TimeSpan.FromSeconds(30), 4);
        var health = LrclibClient.Health();
        var client = new LrclibClient(http, host.BaseUri, health);
        var query = new LyricsQuery("Song", "Artist", "Album", TimeSpan.FromSeconds(200));

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<ServiceException>(() => client.FindAsync(query));
        }

        Assert.True(health.IsDown);
        Assert.Equal(ServiceHealth.FailureLimit, lrclib.GetRoute.Count);
        Assert.Equal(ServiceHealth.FailureLimit, health.Failures);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
