using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes;

/// <summary>One route of a <see cref="FakeHost"/>: its handler, request counter, faults and hold switch.</summary>
public sealed class FakeRoute
{
    private readonly object _gate = new();
    private readonly List<PendingFault> _faults = [];
    private int _count;
    private int _holdAt;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FakeRoute(string method, string template, Func<HttpContext, IReadOnlyDictionary<string, string>, Task> handler)
    {
        Method = method;
        Template = template;
        Handler = handler;
        Pattern = BuildPattern(template);
    }

    public string Method { get; }

    public string Template { get; }

    /// <summary>How many requests this route has answered (faulted ones included).</summary>
    public int Count => Volatile.Read(ref _count);

    internal Regex Pattern { get; }

    internal Func<HttpContext, IReadOnlyDictionary<string, string>, Task> Handler { get; }

    /// <summary>Queued faults not yet applied to as many requests as they were queued for.</summary>
    public int PendingFaults
    {
        get
        {
            lock (_gate)
            {
                return _faults.Count;
            }
        }
    }

    /// <summary>Completes when the held request has arrived.</summary>
    public Task Held => _held.Task;

    /// <summary>Queues a fault; faults apply in order, each for its <see cref="FakeFault.Times"/>.</summary>
    public FakeRoute Fail(FakeFault fault)
    {
        lock (_gate)
        {
            _faults.Add(new PendingFault(fault));
        }

        return this;
    }

    /// <summary>Holds the Nth request (1-based, counted from now on the route's total) open until <see cref="Release"/>.</summary>
    public FakeRoute HoldRequest(int n)
    {
        lock (_gate)
        {
            _holdAt = n;
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return this;
    }

    public void Release() => _release.TrySetResult();

    public void ResetCount() => Interlocked.Exchange(ref _count, 0);

    internal (int Number, FakeFault? Fault, Task? Hold) Begin()
    {
        var n = Interlocked.Increment(ref _count);
        lock (_gate)
        {
            FakeFault? fault = null;
            if (_faults.Count > 0)
            {
                var head = _faults[0];
                if (n >= head.Fault.FromRequest)
                {
                    fault = head.Fault;
                    if (--head.Remaining <= 0)
                    {
                        _faults.RemoveAt(0);
                    }
                }
            }

            Task? hold = null;
            if (_holdAt > 0 && n == _holdAt)
            {
                _held.TrySetResult();
                hold = _release.Task;
            }

            return (n, fault, hold);
        }
    }

    /// <summary>Drops every queued fault.</summary>
    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    private static Regex BuildPattern(string template)
    {
        // "/v1/playlists/{id}/items" -> ^/v1/playlists/(?<id>[^/]+)/items$
        var escaped = Regex.Replace(Regex.Escape(template), @"\\\{(\w+)}", m => $"(?<{m.Groups[1].Value}>[^/]+)");
        return new Regex("^" + escaped + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }

    private sealed class PendingFault(FakeFault fault)
    {
        public FakeFault Fault { get; } = fault;

        public int Remaining { get; set; } = fault.Times;
    }
}
