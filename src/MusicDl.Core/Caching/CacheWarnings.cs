using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MusicDl.Caching;

/// <summary>
/// Collects the cache's warnings (a layer that degraded, a file moved aside) and forwards them to the logger.
/// Messages never carry secrets: callers build them from paths and endpoints only.
/// </summary>
public sealed class CacheWarnings
{
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly ILogger? _logger;

    public CacheWarnings(ILogger? logger = null)
    {
        _logger = logger;
    }

    public IReadOnlyList<string> Messages => [.. _messages];

    internal void Add(string message)
    {
        _messages.Enqueue(message);
        _logger?.LogWarning("{CacheWarning}", message);
    }
}
