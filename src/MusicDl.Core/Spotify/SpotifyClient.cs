using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Http;
using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>
/// Our own Spotify Web API client, a facade over the catalog reads (<see cref="SpotifyCatalog"/>: client credentials
/// or the saved user login, limiter and retries; or <see cref="SpotifyPageCatalog"/>, the public pages). It resolves
/// sources and completes tracks (SpotifyClient.Resolve.cs) from those reads, which the <c>spotify</c> cache region
/// wraps when a cache is given.
/// </summary>
public sealed partial class SpotifyClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly SpotifyTransport _transport;
    private readonly ISpotifyTokenSource? _tokens;
    private readonly ISpotifyCatalog? _pages;
    private readonly ILogger _log;

    private SpotifyClient(HttpClient http, SpotifyTransport transport, ISpotifyTokenSource? tokens, ISpotifyCatalog catalog, ISpotifyCatalog? pages, ILogger? log)
    {
        _http = http;
        _transport = transport;
        _tokens = tokens;
        Catalog = catalog;
        _pages = pages;
        _log = log ?? NullLogger.Instance;
    }

    /// <summary>True when this client reads only the public pages (no Web API at all, so no token source).</summary>
    public bool ReadsPublicPagesOnly => _tokens is null;

    /// <summary>The market sent with market-dependent reads.</summary>
    public string Market => Catalog.Market;

    /// <summary>True when the saved user login is in use (playlists the user owns or collaborates on, Liked Songs).</summary>
    public bool IsUserLogin => _tokens?.IsUser ?? false;

    /// <summary>Spotify API requests sent so far (for the run summary).</summary>
    public long RequestCount => _transport.ApiRequests + _transport.PageRequests;

    /// <summary>Requests sent to the accounts service (tokens).</summary>
    public long AccountsRequestCount => _transport.AccountsRequests;

    /// <summary>The single reads the resolver uses: the cache decorator when a cache was given, else the API itself.</summary>
    internal ISpotifyCatalog Catalog { get; }

    /// <summary>
    /// A client for these settings: the saved login for <see cref="MusicDlSettings.ClientId"/> when there is one,
    /// else client credentials (token kept in the <c>tokens</c> region). With a <paramref name="cache"/>, every
    /// single read goes through its <c>spotify</c> region.
    /// </summary>
    /// <exception cref="ServiceException">Unauthorized: no client id, or neither a secret nor a saved login.</exception>
    public static SpotifyClient Create(MusicDlSettings settings, ICache? cache, SpotifyClientOptions options) =>
        Create(settings, cache?.Region(CacheRegions.Tokens, SpotifyCacheJsonContext.Default.SpotifyAccessToken), cache, options);

    /// <summary>
    /// Whether a run with these settings reads only Spotify's public pages: <c>spotify_access: public</c>, or
    /// <c>auto</c> without usable credentials (a client id with a secret or a saved login).
    /// </summary>
    public static bool ReadsOnlyPublicPages(MusicDlSettings settings, SpotifyClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SpotifyAccess switch
        {
            SpotifyAccess.Public => true,
            SpotifyAccess.Api => false,
            _ => SpotifyCredentials.Problem(settings, HasSavedLogin(settings, options)) is not null,
        };
    }

    /// <summary>Whether a login was saved for the configured client id.</summary>
    public static bool HasSavedLogin(MusicDlSettings settings, SpotifyClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            return false;
        }

        var store = new SpotifyLoginStore(options.ConfigDirectory, settings.ClientId.Trim());
        return store.Exists;
    }

    /// <summary>As <see cref="Create(MusicDlSettings, ICache?, SpotifyClientOptions)"/>, with the token region and the metadata cache apart.</summary>
    internal static SpotifyClient Create(
        MusicDlSettings settings, ICacheRegion<SpotifyAccessToken>? tokens, ICache? metadata, SpotifyClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        var log = options.Log;
        if (ReadsOnlyPublicPages(settings, options))
        {
            var (pageHttp, pageTransport) = CreateTransport(settings, options);
            var pageCatalog = new SpotifyPageCatalog(pageTransport, metadata);
            return new SpotifyClient(pageHttp, pageTransport, null, pageCatalog, null, log);
        }

        var clientId = RequireClientId(settings);
        var store = new SpotifyLoginStore(options.ConfigDirectory, clientId, options.LoginLockBusy);
        var (http, transport) = CreateTransport(settings, options);
        var accounts = new SpotifyAccounts(transport, options.TimeProvider);
        ISpotifyTokenSource source;
        if (store.Exists)
        {
            source = new UserTokenSource(accounts, store);
        }
        else if (!string.IsNullOrWhiteSpace(settings.ClientSecret))
        {
            source = new ClientCredentialsTokenSource(accounts, clientId, settings.ClientSecret, tokens);
        }
        else
        {
            http.Dispose();
            throw SpotifyFailure.Unauthorized("No Spotify client secret and no saved login: set client_secret (or SPOTIFY_CLIENT_SECRET), or run `musicdl auth login`.");
        }

        ISpotifyCatalog catalog = new SpotifyCatalog(transport, source, settings.Market, options.Log);
        if (metadata is not null)
        {
            catalog = new CachingSpotifyCatalog(catalog, metadata);
        }

        var pages = settings.SpotifyAccess == SpotifyAccess.Auto ? new SpotifyPageCatalog(transport, metadata) : null;
        return new SpotifyClient(http, transport, source, catalog, pages, log);
    }

    internal static string RequireClientId(MusicDlSettings settings) =>
        string.IsNullOrWhiteSpace(settings.ClientId)
            ? throw SpotifyFailure.Unauthorized("No Spotify client id: set client_id in the config file or SPOTIFY_CLIENT_ID.")
            : settings.ClientId.Trim();

    internal static (HttpClient Http, SpotifyTransport Transport) CreateTransport(MusicDlSettings settings, SpotifyClientOptions options)
    {
        // Redirects are followed by hand (short links) so the API client never wanders off to other hosts.
        var http = OutboundHttp.Create(options.RequestTimeout, 8, options.TimeProvider, options.Handler, followRedirects: false);
        return (http, new SpotifyTransport(http, settings, options.TimeProvider));
    }

    public void Dispose()
    {
        _http.Dispose();
        (_tokens as IDisposable)?.Dispose();
    }
}
