using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes.Spotify;

/// <summary>
/// Spotify's Web API and accounts service on a <see cref="FakeHost"/>, in the real wire shapes: client credentials
/// (and a rejected secret), PKCE authorize and token, refresh with rotation, tracks, albums (+ tracks), artists
/// (+ albums, 10 a page), playlists with <c>fields</c>, items in both dialects, /me, /me/tracks and short links.
/// Paging <c>next</c> links name <see cref="NextHost"/>, as recorded answers name api.spotify.com.
/// </summary>
public sealed partial class FakeSpotify
{
    private readonly object _gate = new();
    private readonly Dictionary<string, FakeTrack> _tracks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeAlbum> _trackAlbum = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeAlbum> _albums = new(StringComparer.Ordinal);
    private readonly List<FakeAlbum> _albumOrder = [];
    private readonly Dictionary<string, (string Name, string[] Genres)> _artists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakePlaylist> _playlists = new(StringComparer.Ordinal);
    private readonly List<(string TrackId, DateTimeOffset AddedAt)> _saved = [];
    private readonly Dictionary<string, string> _shortLinks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Challenge, string RedirectUri, string Scope)> _codes = new(StringComparer.Ordinal);
    private int _issued;

    public FakeSpotify(FakeHost host)
    {
        Host = host;
        RegisterAccounts();
        RegisterApi();
        RegisterImages();
        RegisterPages();
    }

    public FakeHost Host { get; }

    public string ClientId { get; init; } = "0123456789abcdef0123456789abcdef";

    public string ClientSecret { get; init; } = "fake-secret-7d1c0b2e9a";

    /// <summary>The user a PKCE login logs in as.</summary>
    public string UserId { get; set; } = "fakeuser";

    public string UserDisplayName { get; set; } = "Fake User";

    /// <summary>expires_in of every token issued.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Each refresh returns a new refresh token and retires the old one.</summary>
    public bool RotateRefreshTokens { get; set; } = true;

    public FakePlaylistDialect Dialect { get; set; } = FakePlaylistDialect.Items;

    /// <summary>The host paging links name (the client must move them onto its own base).</summary>
    public string NextHost { get; set; } = "https://api.spotify.com";

    /// <summary>The authorize page redirects with error=access_denied.</summary>
    public bool DenyLogin { get; set; }

    public Uri ApiBase => Host.Url("/v1");

    public Uri AccountsBase => Host.BaseUri;

    /// <summary>Requests to every /v1 route.</summary>
    public int ApiRequests => Host.CountUnder("/v1/");

    public int TokenRequests => Host.Route("POST", "/api/token").Count;

    /// <summary>Refresh tokens currently accepted.</summary>
    public IReadOnlyCollection<string> LiveRefreshTokens => _refreshTokens.Keys.ToArray();

    public FakeRoute Route(string method, string template) => Host.Route(method, template);

    /// <summary>
    /// When set, every Web API paging object holds at most this many items, whatever <c>limit</c> was asked, and says so
    /// in its own <c>limit</c> and <c>next</c>, as an API that pages by less than asked would. The client reads pages
    /// by the <c>next</c>, <c>limit</c> and <c>total</c> it is given, so a scenario of a few dozen entries crosses as
    /// many page boundaries as one of hundreds at Spotify's page sizes.
    /// </summary>
    public int? PageSize { get; set; }

    /// <summary>Artist answers leave out genres and followers, as Development Mode apps get them since 9 March 2026.</summary>
    public bool ArtistGenresWithheld { get; set; }

    public void AddArtist(string id, string name, params string[] genres)
    {
        lock (_gate)
        {
            _artists[id] = (name, genres);
        }
    }

    public void AddAlbum(FakeAlbum album)
    {
        lock (_gate)
        {
            _albums[album.Id] = album;
            _albumOrder.RemoveAll(a => a.Id == album.Id);
            _albumOrder.Add(album);
            foreach (var t in album.Tracks)
            {
                _tracks[t.Id] = t;
                _trackAlbum[t.Id] = album;
            }
        }
    }

    public FakePlaylist AddPlaylist(FakePlaylist playlist)
    {
        lock (_gate)
        {
            _playlists[playlist.Id] = playlist;
        }

        return playlist;
    }

    public void AddSavedTrack(string trackId, DateTimeOffset addedAt)
    {
        lock (_gate)
        {
            _saved.Add((trackId, addedAt));
        }
    }

    public void RemoveSavedTrack(string trackId)
    {
        lock (_gate)
        {
            _saved.RemoveAll(s => s.TrackId == trackId);
        }
    }

    /// <summary>GET {host}/s/{code} redirects to <paramref name="target"/>.</summary>
    public Uri AddShortLink(string code, string target)
    {
        lock (_gate)
        {
            _shortLinks[code] = target;
        }

        return Host.Url($"/s/{code}");
    }

    /// <summary>Every access token issued so far stops working (401), as when Spotify revokes them.</summary>
    public void RevokeAccessTokens() => _accessTokens.Clear();

    /// <summary>Ids of the tracks of an album added before, in order.</summary>
    public IReadOnlyList<string> TrackIds(string albumId)
    {
        lock (_gate)
        {
            return _albums[albumId].Tracks.Select(t => t.Id).ToArray();
        }
    }

    private static string Sha256Base64Url(string text) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(text))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private string Issue(string prefix) => $"{prefix}-{Interlocked.Increment(ref _issued)}-{Guid.NewGuid():N}";

    private static Task Error(HttpContext context, int status, string message) =>
        FakeHost.WriteJsonAsync(context, new JsonObject { ["error"] = new JsonObject { ["status"] = status, ["message"] = message } }.ToJsonString(), status);

    private static Task OAuthError(HttpContext context, int status, string error, string description) =>
        FakeHost.WriteJsonAsync(context, new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString(), status);
}
