using System.Globalization;
using System.Net;
using System.Text.Json;
using MusicDl.Configuration;

namespace MusicDl.Lyrics;

/// <summary>
/// The raw LRCLIB calls (<c>/api/get</c>, <c>/api/search</c>) with musicdl's User-Agent and a per-request limit;
/// every failure to answer becomes <see cref="LyricsServiceException"/>, a 404 on get is "none".
/// </summary>
internal sealed class LrclibController(HttpClient http, Uri baseUri, TimeSpan requestTimeout, TimeProvider time)
{
    private readonly string _base = baseUri.AbsoluteUri.TrimEnd('/');
    private long _requests;

    public long RequestCount => Interlocked.Read(ref _requests);

    public async Task<LyricsRecord?> GetAsync(string track, string artist, string? album, int durationSeconds, CancellationToken cancellationToken)
    {
        var query = $"track_name={Uri.EscapeDataString(track)}&artist_name={Uri.EscapeDataString(artist)}"
            + (string.IsNullOrEmpty(album) ? string.Empty : $"&album_name={Uri.EscapeDataString(album)}")
            + $"&duration={durationSeconds.ToString(CultureInfo.InvariantCulture)}";
        return await SendAsync("/api/get?" + query, LrclibJson.ReadRecord, cancellationToken);
    }

    public async Task<IReadOnlyList<LyricsRecord>> SearchAsync(string track, string artist, CancellationToken cancellationToken) =>
        await SendAsync($"/api/search?track_name={Uri.EscapeDataString(track)}&artist_name={Uri.EscapeDataString(artist)}", LrclibJson.ReadList, cancellationToken)
        ?? [];

    private async Task<T?> SendAsync<T>(string pathAndQuery, Func<JsonElement, T> read, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base + pathAndQuery));
        request.Headers.TryAddWithoutValidation("User-Agent", ProductInfo.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var limit = new CancellationTokenSource(requestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        Interlocked.Increment(ref _requests);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new LyricsServiceException($"LRCLIB answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
            using var doc = await JsonDocument.ParseAsync(body, default, linked.Token);
            return read(doc.RootElement);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LyricsServiceException($"LRCLIB did not answer within {requestTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new LyricsServiceException($"LRCLIB could not be reached: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new LyricsServiceException($"LRCLIB's answer is not the JSON it documents: {ex.Message}", ex);
        }
    }
}
