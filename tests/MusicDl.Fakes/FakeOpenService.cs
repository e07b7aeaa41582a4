using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes;

/// <summary>
/// What the fakes of the open JSON services (LRCLIB, MusicBrainz) share, whatever wire format each speaks: their
/// routes on one <see cref="FakeHost"/>, the requests counted over all of them, each request's path and query and
/// the last User-Agent, and a fault (a stall, a refusal, a 5xx) put on the whole service at once.
/// </summary>
public abstract class FakeOpenService
{
    private readonly List<FakeRoute> _routes = [];
    private string? _lastUserAgent;

    protected FakeOpenService(FakeHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        Host = host;
    }

    public FakeHost Host { get; }

    /// <summary>Requests on every route of the service (faulted ones included).</summary>
    public int RequestCount => _routes.Sum(r => r.Count);

    /// <summary>Every request's path and query, in the order they came.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The User-Agent of the last request.</summary>
    public string? LastUserAgent => Volatile.Read(ref _lastUserAgent);

    /// <summary>Queues the fault on every route of the service; each route counts its <see cref="FakeFault.Times"/> apart.</summary>
    public void Fail(FakeFault fault)
    {
        foreach (var route in _routes)
        {
            route.Fail(fault);
        }
    }

    /// <summary>Drops every fault queued on the service's routes.</summary>
    public void ClearFaults()
    {
        foreach (var route in _routes)
        {
            route.ClearFaults();
        }
    }

    /// <summary>Maps a route of the service whose handler runs after the request was noted.</summary>
    protected FakeRoute MapGet(string template, Func<HttpContext, IReadOnlyDictionary<string, string>, Task> handler)
    {
        var route = Host.MapGet(template, (context, values) =>
        {
            Volatile.Write(ref _lastUserAgent, context.Request.Headers.UserAgent.FirstOrDefault());
            Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            return handler(context, values);
        });
        _routes.Add(route);
        return route;
    }
}
