using System.Net;
using System.Text.Json;
using MusicDl.Configuration;
using MusicDl.Http;
using MusicDl.Models;
using MusicDl.YouTube.Visitor;

namespace MusicDl.YouTube.Player;

/// <summary>
/// The InnerTube player facade: one client's answer for a video, its stream for the output format, or its refusal
/// classified. <see cref="Download.AudioDownloader"/> asks the configured clients (<c>youtube_clients</c>) in order.
/// </summary>
public sealed class PlayerClient
{
    private readonly PlayerController _controller;
    private readonly ServiceEdge _edge;
    private readonly YouTubeSession _session;
    private readonly VisitorSession? _visitor;
    private readonly TimeProvider _time;

    /// <param name="http">The run's client (its handler bounds each request by request_timeout).</param>
    /// <param name="settings">Clients in order, retries, youtube_rate_limit_*.</param>
    /// <param name="session">The run's YouTube session (shared with search and media); null: a private one.</param>
    /// <param name="visitor">The run's visitor data (sent with every call); null sends none.</param>
    /// <param name="time">For back-off and pacing; stamps each answer (the start of its pre-roll ad window).</param>
    /// <param name="retryBaseDelay">First back-off after a timeout or 5xx, doubled each retry (default 1 s).</param>
    public PlayerClient(
        HttpClient http,
        MusicDlSettings settings,
        YouTubeSession? session = null,
        VisitorSession? visitor = null,
        TimeProvider? time = null,
        TimeSpan? retryBaseDelay = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _session = session ?? new YouTubeSession();
        _visitor = visitor;
        _time = time ?? TimeProvider.System;

        // A timeout, a refused connection or a 5xx says nothing about the video: backed off and asked again. A 429 is
        // the session's limit, never waited out; once the session is limited no call goes out (each prolongs it).
        _edge = new ServiceEdge(
            "YouTube player",
            http,
            _time,
            new RetryPlan(settings.MaxRetries, retryBaseDelay ?? TimeSpan.FromSeconds(1), TimeSpan.Zero),
            settings.YouTubeRateLimitEnabled ? new RequestPacer(settings.YouTubeRateLimitRequests, settings.YouTubeRateLimitWindow, _time) : null,
            rateLimitEndsSession: true,
            gate: _session.ThrowIfLimited);
        _controller = new PlayerController(_edge, settings.Endpoints.YouTube);
    }

    public MusicDlSettings Settings { get; }

    /// <summary>Player requests sent (for the run summary).</summary>
    public long RequestCount => _edge.Requests;

    /// <summary>
    /// One client's raw answer, after the edge's retries of timeouts and 5xx: throws the player's
    /// <see cref="ServiceException"/> when it could not be had, <see cref="YouTubeSessionLimitedException"/> once
    /// YouTube limits the session.
    /// </summary>
    public async Task<PlayerResponse> GetPlayerAsync(string videoId, YouTubeClientSettings client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var id = VideoId.Require(videoId).Value;

        // No new player call once the session is limited: every call prolongs the limit.
        _session.ThrowIfLimited();
        var visitorData = _visitor is null ? null : await _visitor.GetAsync(cancellationToken);
        PlayerResponse response;
        try
        {
            response = await _controller.GetPlayerAsync(id, client, visitorData, cancellationToken);
        }
        catch (ServiceException ex) when (ex.Kind == ServiceFailureKind.SessionLimit && ex is not YouTubeSessionLimitedException)
        {
            throw _session.Limited($"the player answered HTTP 429 for video {id} (client {client.Name})");
        }

        _visitor?.Offer(response.VisitorData);

        // The session limit comes first: never a hand-off to another client or yt-dlp under it.
        return response.SessionLimited
            ? throw _session.Limited($"the player answered \"{response.Reason ?? "a captcha"}\" for video {id} (client {client.Name})")
            : response with { AnsweredAt = _time.GetUtcNow() };
    }

    /// <summary>
    /// One client's answer turned into a stream for <paramref name="format"/>, or a classified failure; never throws
    /// for service errors (only for cancellation and <see cref="YouTubeSessionLimitedException"/>).
    /// </summary>
    public async Task<(AudioStreamInfo? Stream, PlayerFailure? Failure)> TryClientAsync(string videoId, YouTubeClientSettings client, AudioFormat format, CancellationToken cancellationToken = default)
    {
        var attempt = await AttemptAsync(videoId, client, format, cancellationToken);
        return (attempt.Stream, attempt.Failure);
    }

    /// <summary>As <see cref="TryClientAsync"/>, with the answer itself (its pre-roll ad and arrival time).</summary>
    public async Task<PlayerAttempt> AttemptAsync(string videoId, YouTubeClientSettings client, AudioFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        PlayerResponse response;
        try
        {
            response = await GetPlayerAsync(videoId, client, cancellationToken);
        }
        catch (ServiceException ex) when (ex is not YouTubeSessionLimitedException)
        {
            // HTML, truncated or wrong-shaped, a timeout, a 5xx: the service's fault, never a verdict on the video.
            var what = ex.Kind switch
            {
                ServiceFailureKind.Unparseable => "answer could not be read",
                ServiceFailureKind.Timeout => "request timed out",
                _ => "failed",
            };
            return new PlayerAttempt(null, new PlayerFailure(PlayerFailureKind.ServiceError, videoId, client.Name, $"the YouTube player {what} for video {videoId} (client {client.Name}): {ex.Message}"));
        }

        if (response.IsLive)
        {
            // Not a song, and its formats have no end: refused here, before any media request.
            return new PlayerAttempt(null, new PlayerFailure(PlayerFailureKind.LiveStream, videoId, client.Name, $"video {videoId} is a live stream, not a song; not downloaded (client {client.Name})"), response);
        }

        if (PlayerFailures.FromStatus(videoId, client.Name, response.Status, response.Reason) is { } failure)
        {
            return new PlayerAttempt(null, failure, response);
        }

        if (AudioStreamSelector.Choose(response.AudioStreams, format) is { } stream)
        {
            return new PlayerAttempt(stream, null, response);
        }

        // Name what YouTube did: a cipher only when one is there; formats with neither url nor cipher are SABR only.
        var why = response.AudioStreams.Count == 0 ? "offers no audio stream"
            : response.AudioStreams.Any(s => s.HasSignatureCipher) ? "offers audio only with a signature cipher, which musicdl does not decipher"
            : "is SABR only: its audio formats have neither a url nor a signatureCipher, which only SABR-streaming clients such as yt-dlp follow";
        return new PlayerAttempt(null, new PlayerFailure(PlayerFailureKind.NoUsableStream, videoId, client.Name, $"video {videoId} {why} (client {client.Name})"));
    }
}
