using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Models;

namespace MusicDl.Tagging;

/// <summary>
/// Fetches an album's largest cover once per album and keeps it in the <c>images</c> region (key: album id),
/// so every track of the album shares one download. A failed fetch gives no cover and caches nothing. Covers are
/// optional: after <see cref="FailureLimit"/> failures in a row the run stops asking (the audio is placed without).
/// </summary>
public sealed class CoverArtProvider
{
    /// <summary>Failures in a row (timeouts, 5xx, refused connections, unreadable images) after which the run stops asking.</summary>
    public const int FailureLimit = 3;

    private readonly HttpClient _http;
    private readonly ICacheRegion<byte[]> _images;
    private readonly ILogger _log;
    private int _failuresInARow;

    public CoverArtProvider(HttpClient http, ICacheRegion<byte[]> images, ILogger<CoverArtProvider>? logger = null)
    {
        _http = http;
        _images = images;
        _log = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>True once the cover service failed <see cref="FailureLimit"/> times in a row: no further request this run.</summary>
    public bool GaveUp => Volatile.Read(ref _failuresInARow) >= FailureLimit;

    public async Task<CoverArt?> GetAsync(AlbumInfo album, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(album);
        var image = Largest(album.Images);
        if (image is null)
        {
            return null;
        }

        if (GaveUp)
        {
            // Still served from the cache, never asked again.
            var known = await _images.GetAsync("album:" + album.Id, cancellationToken);
            return known.IsHit && known.Value is { } d && CoverArt.DetectMimeType(d) is { } m ? new CoverArt(d, m) : null;
        }

        var lookup = await _images.GetOrCreateAsync(
            "album:" + album.Id,
            ct => FetchAsync(image.Url, ct),
            cancellationToken);
        return lookup.IsHit && lookup.Value is { } data && CoverArt.DetectMimeType(data) is { } mime ? new CoverArt(data, mime) : null;
    }

    /// <summary>The image with most pixels (Spotify lists 640, 300 and 64 px).</summary>
    public static ImageRef? Largest(IReadOnlyList<ImageRef> images) =>
        images?.OrderByDescending(i => (long)(i.Width ?? 0) * (i.Height ?? 0)).FirstOrDefault();

    private async Task<CacheLookup<byte[]>> FetchAsync(string url, CancellationToken cancellationToken)
    {
        // The same rule as every configured endpoint: https, or plain http to a loopback host (the fakes) only.
        if (GaveUp || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || SettingsValidator.CheckEndpoint(uri) is not null)
        {
            return CacheLookup<byte[]>.Miss;
        }

        try
        {
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return Failed($"HTTP {(int)response.StatusCode}");
            }

            byte[] data;
            try
            {
                data = await Http.BoundedBody.ReadAsync(response.Content, Http.BoundedBody.CoverLimit, cancellationToken);
            }
            catch (Http.BodyTooLargeException ex)
            {
                // Over 10 MB is no cover (a file of a few MB must not grow by tens): not the service failing.
                _log.LogWarning("The cover of {Url} is refused: {Why}; the audio is placed without", url, ex.Message);
                return CacheLookup<byte[]>.Miss;
            }

            if (CoverArt.DetectMimeType(data) is null)
            {
                return Failed("not an image");
            }

            if (!CoverArt.IsWhole(data))
            {
                return Failed("the image is cut short");
            }

            Interlocked.Exchange(ref _failuresInARow, 0);
            return CacheLookup<byte[]>.Found(data);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A missing cover must not fail the track; the next album track tries again.
            return Failed(ex.Message);
        }
    }

    private CacheLookup<byte[]> Failed(string why)
    {
        if (Interlocked.Increment(ref _failuresInARow) == FailureLimit)
        {
            _log.LogWarning("The cover art service failed {Count} times in a row ({Why}); no more covers are asked for in this run, the audio is placed without", FailureLimit, why);
        }

        return CacheLookup<byte[]>.Miss;
    }
}
