using MusicDl.Configuration;
using MusicDl.YouTube.Visitor;

namespace MusicDl.YouTube.Search;

/// <summary>Plain YouTube search (InnerTube WEB), videos only: the fallback provider <c>youtube</c>.</summary>
public sealed class YouTubeSearchClient : IAudioSearchProvider
{
    // The "type: video" filter as yt-dlp 2026 sends it (the old EgIQAQ== plus one more protobuf field), sent decoded in the body.
    internal const string VideosParams = "EgIQAfABAQ==";

    private readonly InnerTubeSearchController _controller;

    public YouTubeSearchClient(HttpClient http, Endpoints endpoints, TimeProvider? time = null, VisitorSession? visitor = null, string? gl = null, YouTubeSession? session = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoints);
        _controller = new InnerTubeSearchController(http, endpoints.YouTube, InnerTubeWebClient.Web, time ?? TimeProvider.System, altJson: false, visitor, gl, session);
    }

    public string Name => SearchProviders.YouTube;

    public long RequestCount => _controller.RequestCount;

    public bool Supports(SearchFilter filter) => filter != SearchFilter.Songs;

    public async Task<SearchPage> SearchAsync(string query, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        using var doc = await _controller.SearchAsync(query, VideosParams, null, null, cancellationToken);
        return YouTubeSearchParser.IsSearchAnswer(doc.RootElement) ? YouTubeSearchParser.Parse(doc.RootElement) : throw _controller.NotASearchAnswer();
    }

    public async Task<SearchPage> ContinueAsync(string query, SearchFilter filter, string continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(continuationToken);
        using var doc = await _controller.SearchAsync(null, null, continuationToken, null, cancellationToken);
        return YouTubeSearchParser.IsSearchAnswer(doc.RootElement) ? YouTubeSearchParser.Parse(doc.RootElement) : throw _controller.NotASearchAnswer();
    }
}
