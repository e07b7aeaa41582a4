using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Models;

namespace MusicDl.Tagging;

/// <summary>
/// Fetches an album's largest cover once per album and keeps it in the <c>images</c> region (key: album id),
/// so every track of the album shares one download. A failed fetch gives no cover and caches nothing.
/// </summary>
public sealed class CoverArtProvider
{
    private readonly HttpClient _http;
    private readonly ICacheRegion<byte[]> _images;

    public CoverArtProvider(HttpClient http, ICacheRegion<byte[]> images)
    {
        _http = http;
        _images = images;
    }

    public async Task<CoverArt?> GetAsync(AlbumInfo album, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(album);
        var image = Largest(album.Images);
        if (image is null)
        {
            return null;
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
            using var response = await _http.GetAsync(uri, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return CacheLookup<byte[]>.Miss;
            }

            var data = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return CoverArt.DetectMimeType(data) is null ? CacheLookup<byte[]>.Miss : CacheLookup<byte[]>.Found(data);
        }
        catch (HttpRequestException)
        {
            // A missing cover must not fail the track; the next album track tries again.
            return CacheLookup<byte[]>.Miss;
        }
    }
}
