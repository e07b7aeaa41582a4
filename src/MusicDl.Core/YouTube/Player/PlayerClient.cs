using System.Text.Json;
using MusicDl.Configuration;
using MusicDl.YouTube.Visitor;

namespace MusicDl.YouTube.Player;

/// <summary>
/// The InnerTube player facade: one client's answer for a video, its stream for the output format, or its refusal
/// classified. <see cref="Download.AudioDownloader"/> asks the configured clients (<c>youtube_clients</c>) in order.
/// </summary>
public sealed class PlayerClient
{
    private readonly PlayerController _controller;
    private readonly VisitorSession? _visitor;
    private readonly TimeProvider _time;
    private long _requests;

    /// <param name="http">The HTTP client.</param>
    /// <param name="settings">Clients and endpoints.</param>
    /// <param name="visitor">The run's visitor data (sent with every call); null sends none.</param>
    /// <param name="time">Stamps each answer (the start of its pre-roll ad window).</param>
    public PlayerClient(HttpClient http, MusicDlSettings settings, VisitorSession? visitor = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _controller = new PlayerController(http, settings.Endpoints.YouTube);
        _visitor = visitor;
        _time = time ?? TimeProvider.System;
    }

    public MusicDlSettings Settings { get; }

    /// <summary>Player requests sent (for the run summary).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>One client's raw answer (throws HttpRequestException / JsonException on transport or format errors).</summary>
    public async Task<PlayerResponse> GetPlayerAsync(string videoId, YouTubeClientSettings client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var id = VideoIds.Require(videoId);
        var visitorData = _visitor is null ? null : await _visitor.GetAsync(cancellationToken);
        Interlocked.Increment(ref _requests);
        var response = await _controller.GetPlayerAsync(id, client, visitorData, cancellationToken);
        return response with { AnsweredAt = _time.GetUtcNow() };
    }

    /// <summary>
    /// One client's answer turned into a stream for <paramref name="format"/>, or a classified failure; never throws
    /// for service errors (only for cancellation).
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
        catch (HttpRequestException ex)
        {
            return new PlayerAttempt(null, new PlayerFailure(PlayerFailureKind.ServiceError, videoId, client.Name, ex.Message));
        }
        catch (JsonException)
        {
            return new PlayerAttempt(null, new PlayerFailure(PlayerFailureKind.ServiceError, videoId, client.Name, $"the YouTube player answer for video {videoId} is not valid JSON (client {client.Name})"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new PlayerAttempt(null, new PlayerFailure(PlayerFailureKind.ServiceError, videoId, client.Name, $"the YouTube player request for video {videoId} timed out (client {client.Name})"));
        }

        if (PlayerFailures.FromStatus(videoId, client.Name, response.Status, response.Reason) is { } failure)
        {
            return new PlayerAttempt(null, failure, response);
        }

        if (AudioStreamSelector.Choose(response.AudioStreams, format) is { } stream)
        {
            return new PlayerAttempt(stream, null, response);
        }

        var why = response.AudioStreams.Count == 0
            ? "offers no audio stream"
            : "offers audio only with a signature cipher, which musicdl does not decipher";
        return new PlayerAttempt(null, new PlayerFailure(PlayerFailureKind.NoUsableStream, videoId, client.Name, $"video {videoId} {why} (client {client.Name})"));
    }
}
