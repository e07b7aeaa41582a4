using MusicDl.Configuration;
using MusicDl.YouTube.Visitor;

namespace MusicDl.YouTube.Search;

/// <summary>YouTube Music search (InnerTube WEB_REMIX): songs and videos with artists, album and duration.</summary>
public sealed class YouTubeMusicSearchClient : IAudioSearchProvider
{
    // Protobuf-encoded filter parameters as the web app sends them.
    internal const string SongsParams = "EgWKAQIIAWoMEA4QChADEAQQCRAF";
    internal const string VideosParams = "EgWKAQIQAWoMEA4QChADEAQQCRAF";

    private readonly InnerTubeSearchController _controller;

    /// <param name="http">The HTTP client (inject a handler in tests).</param>
    /// <param name="endpoints">Base URLs; <see cref="Endpoints.YouTubeMusic"/> is used.</param>
    /// <param name="time">For the date-based client version.</param>
    /// <param name="visitor">The run's visitor data; null sends none.</param>
    /// <param name="gl">The country (the <c>market</c>); null sends none.</param>
    /// <param name="session">The run's YouTube session (shared with the player and media); null: a private one.</param>
    public YouTubeMusicSearchClient(HttpClient http, Endpoints endpoints, TimeProvider? time = null, VisitorSession? visitor = null, string? gl = null, YouTubeSession? session = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoints);
        _controller = new InnerTubeSearchController(http, endpoints.YouTubeMusic, InnerTubeWebClient.WebRemix, time ?? TimeProvider.System, altJson: true, visitor, gl, session);
    }

    public string Name => SearchProviders.YouTubeMusic;

    public long RequestCount => _controller.RequestCount;

    public bool Supports(SearchFilter filter) => true;

    public async Task<SearchPage> SearchAsync(string query, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        using var doc = await _controller.SearchAsync(query, ParamsFor(filter), null, null, cancellationToken);
        return YouTubeMusicSearchParser.IsSearchAnswer(doc.RootElement) ? YouTubeMusicSearchParser.Parse(doc.RootElement) : throw _controller.NotASearchAnswer();
    }

    public async Task<SearchPage> ContinueAsync(string query, SearchFilter filter, string continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(continuationToken);
        using var doc = await _controller.SearchAsync(query, ParamsFor(filter), null, continuationToken, cancellationToken);
        return YouTubeMusicSearchParser.IsSearchAnswer(doc.RootElement) ? YouTubeMusicSearchParser.Parse(doc.RootElement) : throw _controller.NotASearchAnswer();
    }

    private static string? ParamsFor(SearchFilter filter) => filter switch
    {
        SearchFilter.Songs => SongsParams,
        SearchFilter.Videos => VideosParams,
        _ => null,
    };
}
