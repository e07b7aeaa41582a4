using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Http;
using MusicDl.Models;

namespace MusicDl.Tagging;

/// <summary>
/// Fetches an album's largest cover once per album and keeps it in the <c>images</c> region (key: album id),
/// so every track of the album shares one download. A failed fetch gives no cover and caches nothing. Covers are
/// optional: the run's <see cref="ServiceHealth"/> for them decides when it stops asking (3 failures in a row, one
/// refused connection); the audio is placed without.
/// </summary>
public sealed class CoverArtProvider
{
    /// <summary>Failures in a row (timeouts, 5xx, unreadable images) after which the run stops asking.</summary>
    public const int FailureLimit = ServiceHealth.FailureLimit;

    private static readonly EdgeCall Image = new() { Answers = [], Streamed = true };

    private readonly ServiceEdge _edge;
    private readonly ICacheRegion<byte[]> _images;
    private readonly ILogger _log;
    private readonly ServiceHealth _health;
    private readonly Func<byte[], bool, CancellationToken, Task<byte[]>>? _scaleDown;

    /// <param name="scaleDown">
    /// Scales an image (its bytes, whether it is a PNG) to at most <see cref="CoverArt.MaxSide"/> pixels a side (ffmpeg);
    /// without it a larger cover is left out.
    /// </param>
    /// <param name="time">The run's clock; the system's when not given.</param>
    public CoverArtProvider(
        HttpClient http,
        ICacheRegion<byte[]> images,
        ILogger<CoverArtProvider>? logger = null,
        ServiceHealth? health = null,
        Func<byte[], bool, CancellationToken, Task<byte[]>>? scaleDown = null,
        TimeProvider? time = null)
    {
        _images = images;
        _log = (ILogger?)logger ?? NullLogger.Instance;
        _health = health ?? Health();

        // One attempt per album: an optional service whose health record stops the run asking.
        _edge = new ServiceEdge("Cover art", http, time ?? TimeProvider.System, health: _health);
        _scaleDown = scaleDown;
    }

    /// <summary>True once the cover service is down: no further request this run.</summary>
    public bool GaveUp => _health.IsDown;

    /// <summary>A new record of the cover service for one run.</summary>
    public static ServiceHealth Health() => new("Cover art", "cover", "covers");

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
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || SettingsValidator.CheckEndpoint(uri) is not null)
        {
            return CacheLookup<byte[]>.Miss;
        }

        try
        {
            // Streamed: the body is read here within the cover's own bound, whose breach is no failure of the service.
            using var response = await _edge.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken, Image);
            byte[] data;
            try
            {
                data = await BoundedBody.ReadAsync(response.Content, BoundedBody.CoverLimit, cancellationToken);
            }
            catch (BodyTooLargeException ex)
            {
                // Over 10 MB is no cover (a file of a few MB must not grow by tens): not the service failing.
                _edge.Succeeded();
                _log.LogWarning("The cover of {Url} is refused: {Why}; the audio is placed without", url, ex.Message);
                return CacheLookup<byte[]>.Miss;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw _edge.Fail(ServiceFailures.KindOf(ex), ex.Message, ex);
            }

            if (CoverArt.DetectMimeType(data) is null)
            {
                return Failed("not an image");
            }

            if (!CoverArt.IsWhole(data))
            {
                return Failed("the image is cut short");
            }

            _edge.Succeeded();
            return await WithinMaxSideAsync(url, data, cancellationToken) is { } fitting ? CacheLookup<byte[]>.Found(fitting) : CacheLookup<byte[]>.Miss;
        }
        catch (ServiceException ex)
        {
            // A missing cover must not fail the track; the next album track tries again (until the service is down).
            _log.LogDebug("No cover this time: {Why}", ex.Message);
            return CacheLookup<byte[]>.Miss;
        }
    }

    // A cover over 4096 px a side (a poster-sized image, or a header claiming one) is scaled down once, before it is
    // kept, so no track embeds it whole; one that cannot be scaled is left out with a warning, like one over 10 MB (the
    // server answered: not the service failing). A header that gives no size is judged by its bytes alone.
    private async Task<byte[]?> WithinMaxSideAsync(string url, byte[] data, CancellationToken cancellationToken)
    {
        if (CoverArt.Dimensions(data) is not { } size || (size.Width <= CoverArt.MaxSide && size.Height <= CoverArt.MaxSide))
        {
            return data;
        }

        var why = $"{size.Width}x{size.Height} px is over {CoverArt.MaxSide} px a side";
        if (_scaleDown is null)
        {
            _log.LogWarning("The cover of {Url} is refused: {Why}; the audio is placed without", url, why);
            return null;
        }

        try
        {
            var scaled = await _scaleDown(data, CoverArt.DetectMimeType(data) == "image/png", cancellationToken);
            if (CoverArt.DetectMimeType(scaled) is not null && CoverArt.Dimensions(scaled) is { } after
                && after.Width is > 0 and <= CoverArt.MaxSide && after.Height is > 0 and <= CoverArt.MaxSide)
            {
                _log.LogDebug("The cover of {Url} ({Why}) is scaled down to {Width}x{Height}", url, why, after.Width, after.Height);
                return scaled;
            }

            _log.LogWarning("The cover of {Url} is refused: {Why}, and scaling it down gave no usable image; the audio is placed without", url, why);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _log.LogWarning("The cover of {Url} is refused: {Why}, and it could not be scaled down ({Reason}); the audio is placed without", url, why, ex.Message.ReplaceLineEndings(" "));
        }

        return null;
    }

    private CacheLookup<byte[]> Failed(string why)
    {
        _log.LogDebug("No cover this time: {Why}", _edge.Fail(ServiceFailureKind.Unparseable, why).Message);
        return CacheLookup<byte[]>.Miss;
    }
}
