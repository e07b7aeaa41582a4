using System.Globalization;
using System.Net;
using MusicDl.Audio;
using MusicDl.Http;
using Polly;
using Polly.Retry;

namespace MusicDl.YouTube.Download;

/// <summary>
/// Downloads a media URL in <c>&amp;range=FROM-TO</c> pieces to a path the caller gives, resuming after a dropped
/// connection from the last byte received, with exponential backoff (Polly) when a retry made no progress.
/// The length is verified against contentLength; on any failure the destination file is deleted.
/// </summary>
public sealed class RangedDownloader
{
    private readonly HttpClient _http;
    private readonly RangedDownloadOptions _options;
    private readonly TimeProvider _time;
    private readonly YouTubeSession? _session;

    public RangedDownloader(HttpClient http, RangedDownloadOptions? options = null, TimeProvider? timeProvider = null, MediaRequestCounter? counter = null, YouTubeSession? session = null)
    {
        _session = session;
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _options = options ?? new RangedDownloadOptions();
        if (_options.PieceSize <= 0)
        {
            throw new ArgumentException("The piece size must be positive.", nameof(options));
        }

        _time = timeProvider ?? TimeProvider.System;
        Counter = counter ?? new MediaRequestCounter();
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
        using var request = new HttpRequestMessage(HttpMethod.Get, WithRange(url, from, end));

        // request_timeout bounds the headers only; the body has the stall timeout, which a slow but steady stream never hits.
        request.Options.Set(RequestTimeoutHandler.HeadersOnly, true);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
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
            throw new HttpRequestException($"the media stream answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
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

    private ResiliencePipeline BuildPipeline(DownloadProgress state, CancellationToken cancellationToken) =>
        _options.MaxRetries <= 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception switch
                {
                    MediaForbiddenException or DownloadLengthMismatchException or YouTubeSessionLimitedException => false,
                    HttpRequestException h => h.StatusCode is null or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int?)h.StatusCode >= 500,
                    IOException or TimeoutException => true,

                    // HttpClient's own timeout, not the caller's cancellation.
                    OperationCanceledException => !cancellationToken.IsCancellationRequested,
                    _ => false,
                }),
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxDelay,
                UseJitter = false,

                // A drop after progress resumes at once; only a fruitless attempt backs off.
                DelayGenerator = _ => ValueTask.FromResult<TimeSpan?>(state.Offset > state.AttemptStart ? TimeSpan.Zero : null),
            })
            .Build();
}
