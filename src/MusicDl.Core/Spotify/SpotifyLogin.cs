using MusicDl.Configuration;

namespace MusicDl.Spotify;

/// <summary>
/// <c>musicdl auth login|status|logout</c>: Authorization Code with PKCE on a loopback redirect
/// (http://127.0.0.1:{auth_redirect_port}/callback), or the redirected URL pasted back on headless machines.
/// The refresh token is saved per client id in <c>$XDG_CONFIG_HOME/musicdl/</c> (mode 0600).
/// </summary>
public sealed class SpotifyLogin : IDisposable
{
    /// <summary>Reading private and collaborative playlists, Liked Songs, and /me.</summary>
    public static readonly IReadOnlyList<string> Scopes =
        ["playlist-read-private", "playlist-read-collaborative", "user-library-read", "user-read-private"];

    private readonly HttpClient _http;
    private readonly SpotifyTransport _transport;
    private readonly SpotifyAccounts _accounts;
    private readonly SpotifyLoginStore _store;
    private readonly string _clientId;

    public SpotifyLogin(MusicDlSettings settings, SpotifyClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        _clientId = SpotifyClient.RequireClientId(settings);
        (_http, _transport) = SpotifyClient.CreateTransport(settings, options);
        _accounts = new SpotifyAccounts(_transport, options.TimeProvider);
        _store = new SpotifyLoginStore(options.ConfigDirectory, _clientId, options.LoginLockBusy);
        RedirectUri = new Uri($"http://127.0.0.1:{settings.AuthRedirectPort}/callback");
    }

    /// <summary>The redirect URI to register in the app's dashboard.</summary>
    public Uri RedirectUri { get; }

    /// <summary>The login file for this client id.</summary>
    public string LoginFile => _store.FilePath;

    public bool IsLoggedIn => _store.Exists;

    /// <summary>A fresh attempt: print <see cref="PkceAuthorization.AuthorizeUrl"/> for the user to open.</summary>
    public PkceAuthorization Begin() => PkceAuthorization.Create(_accounts.AuthorizeUrl, _clientId, RedirectUri, Scopes);

    /// <summary>Waits for the browser to come back to the loopback redirect; returns the authorization code.</summary>
    public static Task<string> WaitForCallbackAsync(PkceAuthorization authorization, CancellationToken cancellationToken) =>
        LoopbackCallback.WaitForCodeAsync(authorization, cancellationToken);

    /// <summary>The code from the redirected URL the user pasted back (headless machines).</summary>
    /// <exception cref="Http.ServiceException">Unauthorized: not a redirect of this attempt, or Spotify refused.</exception>
    public static string ReadCodeFromRedirect(PkceAuthorization authorization, string redirectedUrl)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return Uri.TryCreate(redirectedUrl?.Trim(), UriKind.Absolute, out var uri)
            ? LoopbackCallback.ReadCode(authorization, uri)
            : throw SpotifyFailure.Unauthorized("That is not a URL; paste the whole address the browser was sent to (it starts with http://127.0.0.1).");
    }

    /// <summary>
    /// Waits for whichever comes first: the browser's redirect to the loopback listener, or the redirected URL
    /// pasted back (<paramref name="readPastedUrl"/>, e.g. a line from the console; null or empty means none).
    /// Then completes the login. The other wait is cancelled.
    /// </summary>
    public async Task<SpotifyUserStatus> LoginAsync(
        PkceAuthorization authorization, Func<CancellationToken, Task<string?>> readPastedUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(readPastedUrl);
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The browser's code is exchanged before its page is answered, so the page tells the truth about the login.
        SpotifyUserStatus? viaBrowser = null;
        var callback = LoopbackCallback.WaitForCodeAsync(
            authorization,
            race.Token,
            async (browserCode, ct) => viaBrowser = await CompleteAsync(authorization, browserCode, ct).ConfigureAwait(false));
        var pasted = ReadPastedCodeAsync(authorization, readPastedUrl, race.Token);
        string? code;
        try
        {
            var first = await Task.WhenAny((Task)callback, pasted).ConfigureAwait(false);
            code = first == pasted ? await pasted.ConfigureAwait(false) : null;
            if (code is null)
            {
                // The browser came back first, or nothing was pasted (an empty line, input closed): wait for it.
                await callback.ConfigureAwait(false);
            }
        }
        finally
        {
            await race.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll((Task)callback, pasted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return code is null
            ? viaBrowser ?? throw SpotifyFailure.Unparseable("The login completed but could not be read back.")
            : await CompleteAsync(authorization, code, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> ReadPastedCodeAsync(
        PkceAuthorization authorization, Func<CancellationToken, Task<string?>> readPastedUrl, CancellationToken cancellationToken)
    {
        var text = await readPastedUrl(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(text) ? null : ReadCodeFromRedirect(authorization, text);
    }

    /// <summary>Exchanges the code, saves the login and returns who logged in.</summary>
    public async Task<SpotifyUserStatus> CompleteAsync(PkceAuthorization authorization, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var (token, refresh) = await _accounts.ExchangeCodeAsync(_clientId, code, authorization.RedirectUri, authorization.CodeVerifier, cancellationToken).ConfigureAwait(false);
        if (refresh is null)
        {
            throw SpotifyFailure.Unparseable("Spotify's accounts service gave no refresh token for the login.");
        }

        var saved = new SavedLogin { ClientId = _clientId, RefreshToken = refresh, Scope = token.Scope, AccessToken = token.Value, AccessTokenExpiresAt = token.ExpiresAt };
        await _store.UpdateUnderLockAsync(_ => Task.FromResult<SavedLogin?>(saved), cancellationToken).ConfigureAwait(false);
        return await GetStatusAsync(cancellationToken).ConfigureAwait(false)
            ?? throw SpotifyFailure.Unparseable("The login was saved but could not be read back.");
    }

    /// <summary>Who is logged in (GET /me) and the granted scopes; null when not logged in.</summary>
    public async Task<SpotifyUserStatus?> GetStatusAsync(CancellationToken cancellationToken)
    {
        var saved = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            return null;
        }

        using var tokens = new UserTokenSource(_accounts, _store);
        var me = await new SpotifyCatalog(_transport, tokens, market: null).GetUserAsync(cancellationToken).ConfigureAwait(false);
        var current = await _store.LoadAsync(cancellationToken).ConfigureAwait(false) ?? saved;
        var scopes = (current.Scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new SpotifyUserStatus(me.Id ?? string.Empty, me.DisplayName, scopes);
    }

    /// <summary>Forgets the saved login; false when there was none.</summary>
    public bool Logout() => _store.Delete();

    public void Dispose() => _http.Dispose();
}
