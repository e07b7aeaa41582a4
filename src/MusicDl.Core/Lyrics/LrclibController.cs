using System.Globalization;
using MusicDl.Configuration;
using MusicDl.Http;

namespace MusicDl.Lyrics;

/// <summary>
/// The raw LRCLIB calls (<c>/api/get</c>, <c>/api/search</c>) with musicdl's User-Agent: a 404 on get is "none", every
/// failure to answer the edge's <see cref="ServiceException"/>.
/// </summary>
internal sealed class LrclibController(ServiceEdge edge, Uri baseUri)
{
    private readonly JsonServiceClient _service = new(edge, baseUri, ProductInfo.UserAgent);

    public long RequestCount => _service.RequestCount;

    public async Task<LyricsRecord?> GetAsync(string track, string artist, string? album, int durationSeconds, CancellationToken cancellationToken)
    {
        var query = $"track_name={Uri.EscapeDataString(track)}&artist_name={Uri.EscapeDataString(artist)}"
            + (string.IsNullOrEmpty(album) ? string.Empty : $"&album_name={Uri.EscapeDataString(album)}")
            + $"&duration={durationSeconds.ToString(CultureInfo.InvariantCulture)}";
        return await _service.GetAsync("/api/get?" + query, LrclibJson.ReadRecord, cancellationToken);
    }

    public async Task<IReadOnlyList<LyricsRecord>> SearchAsync(string track, string artist, CancellationToken cancellationToken) =>
        await _service.GetAsync($"/api/search?track_name={Uri.EscapeDataString(track)}&artist_name={Uri.EscapeDataString(artist)}", LrclibJson.ReadList, cancellationToken)
        ?? [];
}
