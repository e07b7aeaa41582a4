using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MusicDl.Fakes;

/// <summary>
/// A small Kestrel host on 127.0.0.1 (random port) on which the fake services register routes.
/// Each route counts its requests and can be told to fail (status, Retry-After, latency, a cut body,
/// malformed JSON) or to hold a request open. Routes may be added after start.
/// </summary>
public sealed class FakeHost : IAsyncDisposable
{
    private readonly List<FakeRoute> _routes = [];
    private readonly ReaderWriterLockSlim _routesLock = new();
    private WebApplication? _app;
    private int _unmatched;

    private FakeHost()
    {
    }

    /// <summary>The base address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1");

    /// <summary>Latency added to every response (the scenario benchmark uses 50 ms).</summary>
    public TimeSpan GlobalLatency { get; set; }

    /// <summary>Requests no route matched (answered 404).</summary>
    public int UnmatchedCount => Volatile.Read(ref _unmatched);

    /// <summary>Every request line seen, in order ("GET /v1/tracks/x?market=US").</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Log { get; } = new();

    public static async Task<FakeHost> StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        var host = new FakeHost();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(host.DispatchAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/'));
        host._app = app;
        return host;
    }

    /// <summary>A URL on this host: <c>Url("/v1")</c>.</summary>
    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <summary>Registers a route; <paramref name="template"/> takes <c>{name}</c> segments, matched against the path only.</summary>
    public FakeRoute Map(string method, string template, Func<HttpContext, IReadOnlyDictionary<string, string>, Task> handler)
    {
        var route = new FakeRoute(method.ToUpperInvariant(), template, handler);
        _routesLock.EnterWriteLock();
        try
        {
            // Later registrations win, so a test can replace a default route.
            _routes.Insert(0, route);
        }
        finally
        {
            _routesLock.ExitWriteLock();
        }

        return route;
    }

    public FakeRoute MapGet(string template, Func<HttpContext, IReadOnlyDictionary<string, string>, Task> handler) => Map("GET", template, handler);

    public FakeRoute MapPost(string template, Func<HttpContext, IReadOnlyDictionary<string, string>, Task> handler) => Map("POST", template, handler);

    /// <summary>The route registered for that method and template (the latest one).</summary>
    public FakeRoute Route(string method, string template)
    {
        _routesLock.EnterReadLock();
        try
        {
            return _routes.First(r => r.Method == method.ToUpperInvariant() && r.Template == template);
        }
        finally
        {
            _routesLock.ExitReadLock();
        }
    }

    /// <summary>Total requests over every route whose template starts with <paramref name="prefix"/>.</summary>
    public int CountUnder(string prefix)
    {
        _routesLock.EnterReadLock();
        try
        {
            return _routes.Where(r => r.Template.StartsWith(prefix, StringComparison.Ordinal)).Sum(r => r.Count);
        }
        finally
        {
            _routesLock.ExitReadLock();
        }
    }

    public static Task WriteJsonAsync(HttpContext context, string json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(json, Encoding.UTF8);
    }

    // {"padding":"xxx..."} of at least the given size, chunked; the client hanging up part way is the expected end.
    private static async Task WriteOversizeJsonAsync(HttpContext context, long bytes, CancellationToken aborted)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        try
        {
            await context.Response.Body.WriteAsync("{\"padding\":\""u8.ToArray(), aborted).ConfigureAwait(false);
            for (long sent = 0; sent < bytes; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, aborted).ConfigureAwait(false);
            }

            await context.Response.Body.WriteAsync("\"}"u8.ToArray(), aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            _routesLock.EnterReadLock();
            try
            {
                foreach (var r in _routes)
                {
                    r.Release();
                }
            }
            finally
            {
                _routesLock.ExitReadLock();
            }

            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _routesLock.Dispose();
    }

    /// <summary>
    /// Runs as a request starts waiting for an answer that never comes (a black hole, a body stalled for good): a
    /// test's driven clock fires the deadline the client set for it (DrivenClock).
    /// </summary>
    public Action<HttpContext>? OnNeverAnswering { get; set; }

    private async Task DispatchAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Log.Enqueue($"{context.Request.Method} {path}{context.Request.QueryString}");
        FakeRoute? route = null;
        System.Text.RegularExpressions.Match? match = null;
        _routesLock.EnterReadLock();
        try
        {
            foreach (var r in _routes)
            {
                if (r.Method != context.Request.Method)
                {
                    continue;
                }

                var m = r.Pattern.Match(path);
                if (m.Success)
                {
                    route = r;
                    match = m;
                    break;
                }
            }
        }
        finally
        {
            _routesLock.ExitReadLock();
        }

        if (route is null || match is null)
        {
            Interlocked.Increment(ref _unmatched);
            await WriteJsonAsync(context, """{"error":{"status":404,"message":"Not found (fake host: no route)"}}""", 404).ConfigureAwait(false);
            return;
        }

        var (_, fault, hold) = route.Begin();
        var aborted = context.RequestAborted;
        if (GlobalLatency > TimeSpan.Zero)
        {
            await Task.Delay(GlobalLatency, aborted).ConfigureAwait(false);
        }

        if (hold is not null)
        {
            await hold.WaitAsync(aborted).ConfigureAwait(false);
        }

        if (fault is not null)
        {
            if (fault.Latency > TimeSpan.Zero)
            {
                await Task.Delay(fault.Latency, aborted).ConfigureAwait(false);
            }

            if (fault.Status is { } status)
            {
                if (fault.RetryAfterSeconds is { } ra)
                {
                    context.Response.Headers.RetryAfter = ra.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await WriteJsonAsync(context, $"{{\"error\":{{\"status\":{status},\"message\":\"fault injected by test\"}}}}", status).ConfigureAwait(false);
                return;
            }

            if (fault.BlackHole)
            {
                OnNeverAnswering?.Invoke(context);
                try
                {
                    await Task.Delay(Timeout.Infinite, aborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }

                return;
            }

            if (fault.Body is { } body)
            {
                await WriteJsonAsync(context, body).ConfigureAwait(false);
                return;
            }

            if (fault.OversizeJsonBytes is { } oversize)
            {
                await WriteOversizeJsonAsync(context, oversize, aborted).ConfigureAwait(false);
                return;
            }

            if (fault.StallAfterBytes is { } stallAt)
            {
                context.Response.Body = LimitedStream.Stalling(context.Response.Body, stallAt, aborted, () => OnNeverAnswering?.Invoke(context));
            }

            if (fault.MalformedJson)
            {
                await WriteJsonAsync(context, "{\"this is\": not json").ConfigureAwait(false);
                return;
            }

            if (fault.CutAfterBytes is { } limit)
            {
                context.Response.Body = LimitedStream.Cutting(context.Response.Body, limit, context);
            }
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in route.Pattern.GetGroupNames())
        {
            if (!int.TryParse(name, out _))
            {
                values[name] = Uri.UnescapeDataString(match.Groups[name].Value);
            }
        }

        try
        {
            await route.Handler(context, values).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away (or a cut fault aborted): nothing to answer.
        }
    }
}
