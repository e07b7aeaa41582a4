using System.Globalization;
using System.Net;
using MusicDl.Audio;
using MusicDl.Http;
using Polly;

namespace MusicDl.YouTube.Download;

/// <summary>
/// Downloads a media URL in <c>&amp;range=FROM-TO</c> pieces to a path the caller gives, resuming after a dropped
/// connection from the last byte received, with exponential backoff (Polly) when a retry made no progress.
/// The length is verified against contentLength; on any failure the destination file is deleted.
/// </summary>
public sealed class RangedDownloader
{
    private static readonly EdgeCall MediaCall = new() { Streamed = true, OwnBodyTimeout = true, AnyStatus = true };

    private readonly ServiceEdge _edge;
    private readonly RangedDownloadOptions _options;
    private readonly TimeProvider _time;
    private readonly YouTubeSession? _session;

    public RangedDownloader(HttpClient http, RangedDownloadOptions? options = null, TimeProvider? timeProvider = null, MediaRequestCounter? counter = null, YouTubeSession? session = null)
    {
        _session = session;
        ArgumentNullException.ThrowIfNull(http);
        _options = options ?? new RangedDownloadOptions();
        if (_options.PieceSize <= 0)
        {
            throw new ArgumentException("The piece size must be positive.", nameof(options));
        }

        _time = timeProvider ?? TimeProvider.System;
        Counter = counter ?? new MediaRequestCounter();

        // No retry at the edge: a piece is asked again from its last byte received (the pipeline below).
        _edge = new ServiceEdge("YouTube media", http, _time);
    }

    public MediaRequestCounter Counter { get; }

    /// <summary>Writes the stream to <paramref name="destinationPath"/> (created or replaced) and returns its length.</summary>
    public async Task<long> DownloadAsync(Uri url, long? expectedLength, string destinationPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        try
        {
            return await DownloadCoreAsync(url, expectedLength, destinationPath, cancellationToken);
        }
        catch
        {
            // Nothing half-written survives: the caller sees either a whole file or none.
            FileCleanup.TryDelete(destinationPath);
            throw;
        }
    }

    internal static Uri WithRange(Uri url, long from, long to)
    {
        var text = url.AbsoluteUri;
        var separator = string.IsNullOrEmpty(url.Query) ? "?" : "&";
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{text}{separator}range={from}-{to}"));
    }

    private async Task<long> DownloadCoreAsync(Uri url, long? expectedLength, string destinationPath, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(destinationPath, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var state = new DownloadProgress();
        var pipeline = BuildPipeline(state, cancellationToken);
        while (expectedLength is not { } total || state.Offset < total)
        {
            var end = state.Offset + _options.PieceSize - 1;
            if (expectedLength is { } t)
            {
                end = Math.Min(end, t - 1);
            }

            var ended = await pipeline.ExecuteAsync(
                async token =>
                {
                    state.AttemptStart = state.Offset;
                    return await FetchPieceAsync(url, end, file, state, token);
                },
                cancellationToken);
            if (ended)
            {
                break;
            }
        }

        if (expectedLength is { } expected && state.Offset != expected)
        {
            throw new DownloadLengthMismatchException(expected, state.Offset);
        }

        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
        return state.Offset;
    }

    /// <summary>Fetches [offset, end]; true when the server has no more bytes (a short or empty piece).</summary>
    private async Task<bool> FetchPieceAsync(Uri url, long end, FileStream file, DownloadProgress state, CancellationToken cancellationToken)
    {
        using var stall = new CancellationTokenSource(_options.StallTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        try
        {
            return await FetchPieceCoreAsync(url, end, file, state, stall, linked.Token);
        }
        catch (OperationCanceledException) when (stall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the media stream stalled for {_options.StallTimeout.TotalSeconds:0} s at byte {state.Offset}");
        }
    }

    private async Task<bool> FetchPieceCoreAsync(Uri url, long end, FileStream file, DownloadProgress state, CancellationTokenSource stall, CancellationToken cancellationToken)
    {
        var from = state.Offset;
        Counter.CountMediaRequest();

        // request_timeout bounds the headers only; the body has the stall timeout, which a slow but steady stream never hits.
        using var response = await _edge.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, WithRange(url, from, end)), cancellationToken, MediaCall);
        if (response.StatusCode == HttpStatusCode.TooManyRequests && _session is not null)
        {
            throw _session.Limited($"the media server answered HTTP 429 at byte {from}");
        }

        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            throw new MediaForbiddenException();
        }

        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            return true;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ServiceException(_edge.Service, ServiceFailures.KindOf(response.StatusCode), $"the media stream answered HTTP {(int)response.StatusCode}", status: response.StatusCode);
        }

        var announced = response.Content.Headers.ContentLength;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[81920];
        int n;
        while ((n = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            stall.CancelAfter(_options.StallTimeout);
            if (state.Offset + n > end + 1)
            {
                throw new DownloadLengthMismatchException($"the media stream sent more than the {end - from + 1} bytes asked for at offset {from}");
            }

            await file.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            state.Offset += n;
        }

        var received = state.Offset - from;
        if (announced is { } a && received < a)
        {
            throw new IOException($"the media connection dropped after {received} of {a} bytes");
        }

        return state.Offset <= end;
    }

    // The run's one retry mechanism (RetryPlan): a piece that failed for the network's or the server's reasons is
    // asked again; a refusal (403), a length that does not add up or the session limit would only repeat.
    private ResiliencePipeline BuildPipeline(DownloadProgress state, CancellationToken cancellationToken) =>
        new RetryPlan(_options.MaxRetries, _options.BaseDelay, _options.MaxDelay).Build(
            _time,
            ex => ex switch
            {
                MediaForbiddenException or DownloadLengthMismatchException or YouTubeSessionLimitedException => false,
                ServiceException s => s.Kind is ServiceFailureKind.Timeout or ServiceFailureKind.ConnectionLost or ServiceFailureKind.Unreachable
                    or ServiceFailureKind.ServerError or ServiceFailureKind.RateLimited || s.Status == HttpStatusCode.RequestTimeout,
                HttpRequestException h => h.StatusCode is null || (int?)h.StatusCode >= 500,
                IOException or TimeoutException => true,

                // HttpClient's own timeout, not the caller's cancellation.
                OperationCanceledException => !cancellationToken.IsCancellationRequested,
                _ => false,
            },

            // A drop after progress resumes at once; only a fruitless attempt backs off.
            () => state.Offset > state.AttemptStart ? TimeSpan.Zero : null);
}
