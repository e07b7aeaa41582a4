using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MusicDl.YouTube.Visitor;

/// <summary>
/// The visitor data of one run, shared by the player and the searches: fetched once (the first caller starts the
/// fetch, the others wait for it). When it cannot be had the run goes on without it (YouTube may then ask for a
/// sign-in), with one warning, and asks again only after <see cref="RetryAfter"/>.
/// </summary>
public sealed class VisitorSession
{
    private readonly IVisitorDataSource _source;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task<string?>? _fetch;
    private DateTimeOffset? _failedAt;

    public VisitorSession(IVisitorDataSource source, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>How long a failed fetch is trusted before the next caller tries again.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The run's visitor data, or null when YouTube gave none.</summary>
    public async ValueTask<string?> GetAsync(CancellationToken cancellationToken = default)
    {
        Task<string?> fetch;
        lock (_gate)
        {
            if (_fetch is null || (_failedAt is { } failed && _time.GetUtcNow() - failed >= RetryAfter))
            {
                _failedAt = null;
                _fetch = FetchAsync();
            }

            fetch = _fetch;
        }

        // One caller's cancellation must not cancel the fetch the others wait for.
        return await fetch.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Visitor data an InnerTube answer repeated (<c>responseContext.visitorData</c>): taken when the run has none,
    /// so a failed fetch does not leave every later call without it.
    /// </summary>
    public void Offer(string? visitorData)
    {
        if (string.IsNullOrEmpty(visitorData))
        {
            return;
        }

        lock (_gate)
        {
            if (_fetch is not { IsCompletedSuccessfully: true, Result: null })
            {
                return;
            }

            _fetch = Task.FromResult<string?>(visitorData);
            _failedAt = null;
        }

        _logger.LogInformation("YouTube visitor data taken from an InnerTube answer (responseContext.visitorData)");
    }

    private async Task<string?> FetchAsync()
    {
        try
        {
            return await _source.FetchAsync(CancellationToken.None);
        }
        catch (VisitorDataException ex)
        {
            lock (_gate)
            {
                _failedAt = _time.GetUtcNow();
            }

            _logger.LogWarning("No YouTube visitor data, going on without it (YouTube may ask to sign in): {Reason}", ex.Message);
            return null;
        }
    }
}
