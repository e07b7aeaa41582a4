using System.Text.Json;
using MusicDl.Configuration;

namespace MusicDl.YouTube.Player;

/// <summary>
/// The InnerTube player facade: one client's answer for a video, its stream for the output format, or its refusal
/// classified. <see cref="Download.AudioDownloader"/> asks the configured clients (<c>youtube_clients</c>) in order.
/// </summary>
public sealed class PlayerClient
{
    private readonly PlayerController _controller;
    private long _requests;

    public PlayerClient(HttpClient http, MusicDlSettings settings)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _controller = new PlayerController(http, settings.Endpoints.YouTube);
    }

    public MusicDlSettings Settings { get; }

    /// <summary>Player requests sent (for the run summary).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>One client's raw answer (throws HttpRequestException / JsonException on transport or format errors).</summary>
    public Task<PlayerResponse> GetPlayerAsync(string videoId, YouTubeClientSettings client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var id = VideoIds.Require(videoId);
        Interlocked.Increment(ref _requests);
        return _controller.GetPlayerAsync(id, client, cancellationToken);
    }

    /// <summary>
    /// One client's answer turned into a stream for <paramref name="format"/>, or a classified failure; never throws
    /// for service errors (only for cancellation).
    /// </summary>
    public async Task<(AudioStreamInfo? Stream, PlayerFailure? Failure)> TryClientAsync(string videoId, YouTubeClientSettings client, AudioFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        PlayerResponse response;
        try
        {
            response = await GetPlayerAsync(videoId, client, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return (null, new PlayerFailure(PlayerFailureKind.ServiceError, videoId, client.Name, ex.Message));
        }
        catch (JsonException)
        {
            return (null, new PlayerFailure(PlayerFailureKind.ServiceError, videoId, client.Name, $"the YouTube player answer for video {videoId} is not valid JSON (client {client.Name})"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new PlayerFailure(PlayerFailureKind.ServiceError, videoId, client.Name, $"the YouTube player request for video {videoId} timed out (client {client.Name})"));
        }

        if (PlayerFailures.FromStatus(videoId, client.Name, response.Status, response.Reason) is { } failure)
        {
            return (null, failure);
        }

        if (AudioStreamSelector.Choose(response.AudioStreams, format) is { } stream)
        {
            return (stream, null);
        }

        var why = response.AudioStreams.Count == 0
            ? "offers no audio stream"
            : "offers audio only with a signature cipher, which musicdl does not decipher";
        return (null, new PlayerFailure(PlayerFailureKind.NoUsableStream, videoId, client.Name, $"video {videoId} {why} (client {client.Name})"));
    }
}
