using System.Net;
using System.Net.Sockets;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Fakes;
using MusicDl.Fakes.Spotify;
using MusicDl.Http;
using MusicDl.Models;
using MusicDl.Spotify;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.Spotify;

public sealed class SpotifyAuthTests : SpotifyTestBase
{

    private SpotifySource TrackSource(out string id)
    {
        id = Bed.Spotify.AddGeneratedAlbum(1).Tracks[0].Id;
        return new SpotifySource(SourceKind.Track, id, id);
    }

    [Fact]
    public async Task A_client_credentials_token_is_reused_until_shortly_before_expiry()
    {
        var source = TrackSource(out _);
        using var client = Bed.CreateClient();

        await client.ResolveAsync(source, CancellationToken.None);
        Bed.Time.Advance(TimeSpan.FromMinutes(58));
        await client.ResolveAsync(source, CancellationToken.None);
        Assert.Equal(1, Bed.Spotify.TokenRequests);

        // Within the last minute of its hour the token is renewed before use.
        Bed.Time.Advance(TimeSpan.FromMinutes(1.5));
        await client.ResolveAsync(source, CancellationToken.None);
        Assert.Equal(2, Bed.Spotify.TokenRequests);
    }

    [Fact]
    public async Task The_token_is_persisted_in_the_tokens_region_under_the_client_id_so_the_next_run_asks_nothing()
    {
        var source = TrackSource(out _);
        using (var first = Bed.CreateClient())
        {
            await first.ResolveAsync(source, CancellationToken.None);
        }

        Assert.Equal(CacheLookupKind.Hit, await Bed.Tokens.LookUpAsync($"spotify_client_credentials:{Bed.Spotify.ClientId}"));
        Bed.Time.Advance(TimeSpan.FromMinutes(30));
        using var second = Bed.CreateClient();
        await second.ResolveAsync(source, CancellationToken.None);

        Assert.Equal(1, Bed.Spotify.TokenRequests);
        Assert.Equal(0, second.AccountsRequestCount);
    }

    [Fact]
    public async Task A_token_the_api_rejects_is_renewed_once_and_the_request_repeated()
    {
        var source = TrackSource(out _);
        using var client = Bed.CreateClient();
        await client.ResolveAsync(source, CancellationToken.None);

        Bed.Spotify.RevokeAccessTokens();
        var resolved = await client.ResolveAsync(source, CancellationToken.None);

        Assert.Single(resolved.Entries);
        Assert.Equal(2, Bed.Spotify.TokenRequests);
    }

    [Fact]
    public async Task A_rejected_secret_is_one_clear_line_without_the_secret()
    {
        var settings = Bed.Settings with { ClientSecret = "wrong-secret-5f3e9c1" };
        using var client = Bed.CreateClient(settings);

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.ResolveAsync(TrackSource(out _), CancellationToken.None));

        Assert.Equal(ServiceFailureKind.Unauthorized, error.Kind);
        Assert.Equal(Fault.CannotProceed, Failures.Classify(error).Fault);
        Assert.Equal(
            "Spotify rejected the client credentials (invalid_client: Invalid client secret); check client_id and client_secret (or SPOTIFY_CLIENT_ID / SPOTIFY_CLIENT_SECRET).",
            error.Message);
        Assert.DoesNotContain("wrong-secret-5f3e9c1", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Under_api_access_without_a_secret_and_without_a_login_the_client_cannot_be_created()
    {
        var error = Assert.Throws<ServiceException>(() => Bed.CreateClient(Bed.Settings with { ClientSecret = null, SpotifyAccess = SpotifyAccess.Api }));

        Assert.Equal(ServiceFailureKind.Unauthorized, error.Kind);
        Assert.Contains("musicdl auth login", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_auto_access_without_a_secret_and_without_a_login_the_client_reads_public_pages_only()
    {
        using var client = Bed.CreateClient(Bed.Settings with { ClientSecret = null, SpotifyAccess = SpotifyAccess.Auto });

        Assert.True(client.ReadsPublicPagesOnly);
        Assert.False(client.IsUserLogin);
    }

    [Fact]
    public async Task Login_through_the_loopback_redirect_saves_a_private_file_and_status_names_the_user_and_scopes()
    {
        var port = LoopbackPorts.Unused();
        using var login = Bed.CreateLogin(Bed.Settings with { AuthRedirectPort = port });
        var attempt = login.Begin();
        Assert.Equal($"http://127.0.0.1:{port}/callback", attempt.RedirectUri.ToString());
        Assert.Contains("code_challenge_method=S256", attempt.AuthorizeUrl.Query, StringComparison.Ordinal);
        Assert.Contains("scope=playlist-read-private%20playlist-read-collaborative%20user-library-read%20user-read-private", attempt.AuthorizeUrl.Query, StringComparison.Ordinal);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var waiting = SpotifyLogin.WaitForCallbackAsync(attempt, timeout.Token);
        using (var browser = new HttpClient())
        {
            // The browser follows Spotify's redirect to our listener.
            using var page = await browser.GetAsync(attempt.AuthorizeUrl, timeout.Token);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var code = await waiting;
        var status = await login.CompleteAsync(attempt, code, CancellationToken.None);

        Assert.Equal("fakeuser", status.Id);
        Assert.Equal("Fake User", status.DisplayName);
        Assert.Equal(SpotifyLogin.Scopes, status.Scopes);
        Assert.True(login.IsLoggedIn);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(login.LoginFile));
        }

        Assert.DoesNotContain(Bed.Spotify.LiveRefreshTokens.Single(), attempt.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_takes_a_pasted_redirect_when_the_browser_cannot_reach_the_loopback()
    {
        using var login = Bed.CreateLogin(Bed.Settings with { AuthRedirectPort = LoopbackPorts.Unused() });
        var attempt = login.Begin();

        var status = await login.LoginAsync(
            attempt,
            async ct =>
            {
                // The browser runs on another machine: it ends on a page that does not load; the user copies its address.
                using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
                using var answer = await browser.GetAsync(attempt.AuthorizeUrl, ct);
                return answer.Headers.Location!.ToString();
            },
            CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("fakeuser", status.Id);
        Assert.True(login.IsLoggedIn);
    }

    [Fact]
    public async Task Login_takes_the_loopback_redirect_when_nothing_is_pasted()
    {
        using var login = Bed.CreateLogin(Bed.Settings with { AuthRedirectPort = LoopbackPorts.Unused() });
        var attempt = login.Begin();
        var pastedReadCancelled = new TaskCompletionSource();

        var logging = login.LoginAsync(
            attempt,
            async ct =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    pastedReadCancelled.TrySetResult();
                    throw;
                }

                return null;
            },
            CancellationToken.None);
        using (var browser = new HttpClient())
        {
            using var page = await browser.GetAsync(attempt.AuthorizeUrl);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var status = await logging.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("fakeuser", status.Id);
        await pastedReadCancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_pasted_redirect_of_another_attempt_or_a_refusal_is_rejected_clearly()
    {
        using var login = Bed.CreateLogin();
        var attempt = login.Begin();
        var other = login.Begin();

        var wrongState = Assert.Throws<ServiceException>(() =>
            SpotifyLogin.ReadCodeFromRedirect(attempt, $"http://127.0.0.1:8888/callback?code=abc&state={other.State}"));
        var refused = Assert.Throws<ServiceException>(() =>
            SpotifyLogin.ReadCodeFromRedirect(attempt, $"http://127.0.0.1:8888/callback?error=access_denied&state={attempt.State}"));

        Assert.Equal((ServiceFailureKind.Unauthorized, ServiceFailureKind.Unauthorized), (wrongState.Kind, refused.Kind));
        Assert.Contains("state differs", wrongState.Message, StringComparison.Ordinal);
        Assert.Equal("Spotify did not grant the login (access_denied).", refused.Message);
        Assert.Equal("abc", SpotifyLogin.ReadCodeFromRedirect(attempt, $" http://127.0.0.1:8888/callback?code=abc&state={attempt.State} "));
    }

    [Fact]
    public async Task When_logged_in_the_user_token_is_used_for_every_call_and_own_playlists_are_readable()
    {
        await Bed.LogInAsync();
        var playlist = Bed.Spotify.AddGeneratedPlaylist(12);
        using var client = Bed.CreateClient();

        var resolved = await client.ResolveAsync(new SpotifySource(SourceKind.Playlist, playlist.Id, playlist.Id), CancellationToken.None);

        Assert.True(client.IsUserLogin);
        Assert.Equal("from_token", client.Market);
        Assert.Equal(12, resolved.Entries.Count);
        Assert.Contains(Bed.Host.Log, l => l.Contains("market=from_token", StringComparison.Ordinal));

        // The login's access token is still fresh: no token request at all, not even client credentials.
        Assert.Equal(1, Bed.Spotify.TokenRequests);
    }

    [Fact]
    public async Task An_expired_user_token_is_refreshed_silently_and_the_rotated_refresh_token_is_kept()
    {
        await Bed.LogInAsync();
        var firstRefresh = Bed.Spotify.LiveRefreshTokens.Single();
        var source = TrackSource(out _);
        Bed.Time.Advance(TimeSpan.FromHours(2));
        using var client = Bed.CreateClient();

        await client.ResolveAsync(source, CancellationToken.None);

        var live = Bed.Spotify.LiveRefreshTokens.Single();
        Assert.NotEqual(firstRefresh, live);
        var file = await File.ReadAllTextAsync(Directory.GetFiles(Bed.ConfigDirectory, "*.json").Single());
        Assert.Contains(live, file, StringComparison.Ordinal);
        Assert.DoesNotContain(firstRefresh, file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_runs_refreshing_at_once_refresh_once_and_both_keep_working()
    {
        await Bed.LogInAsync();
        var source = TrackSource(out _);
        Bed.Time.Advance(TimeSpan.FromHours(2));
        var tokenRoute = Bed.Spotify.Route("POST", "/api/token");
        tokenRoute.HoldRequest(tokenRoute.Count + 1);
        var bWaitsForTheLock = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var runA = Bed.CreateClient();
        using var runB = SpotifyClient.Create(Bed.Settings, Bed.Tokens, metadata: null, Bed.Options with { LoginLockBusy = () => bWaitsForTheLock.TrySetResult() });

        var a = runA.ResolveAsync(source, CancellationToken.None);
        await tokenRoute.Held.WaitAsync(TimeSpan.FromSeconds(10));
        var b = runB.ResolveAsync(source, CancellationToken.None);

        // A is inside the lock with its refresh held by the fake; B has read the expired token and queues behind A.
        await bWaitsForTheLock.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(b.IsCompleted);
        tokenRoute.Release();
        await Task.WhenAll(a, b).WaitAsync(TimeSpan.FromSeconds(10));

        // One login, one refresh: B waited for A's lock and took A's token instead of spending the rotated refresh token.
        Assert.Equal(2, Bed.Spotify.TokenRequests);
        var live = Bed.Spotify.LiveRefreshTokens.Single();
        var file = await File.ReadAllTextAsync(Directory.GetFiles(Bed.ConfigDirectory, "*.json").Single());
        Assert.Contains(live, file, StringComparison.Ordinal);

        Bed.Time.Advance(TimeSpan.FromHours(2));
        await runB.ResolveAsync(source, CancellationToken.None);
        Assert.Equal(3, Bed.Spotify.TokenRequests);
    }

    [Fact]
    public async Task A_refresh_waits_while_another_process_holds_the_login_lock()
    {
        await Bed.LogInAsync();
        var source = TrackSource(out _);
        Bed.Time.Advance(TimeSpan.FromHours(2));
        var loginFile = Directory.GetFiles(Bed.ConfigDirectory, "*.json").Single();
        var lockFound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = SpotifyClient.Create(Bed.Settings, Bed.Tokens, metadata: null, Bed.Options with { LoginLockBusy = () => lockFound.TrySetResult() });
        Task<ResolvedSource> resolving;
        using (new FileStream(loginFile + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            resolving = client.ResolveAsync(source, CancellationToken.None);

            // The refresh found the lock taken and waits; it cannot end while the other process holds it.
            await lockFound.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.False(resolving.IsCompleted);
            Assert.Equal(1, Bed.Spotify.TokenRequests);
        }

        await resolving.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, Bed.Spotify.TokenRequests);
    }

    [Fact]
    public async Task A_revoked_login_asks_to_log_in_again_without_printing_tokens()
    {
        await Bed.LogInAsync();
        var refresh = Bed.Spotify.LiveRefreshTokens.Single();
        Bed.Spotify.RotateRefreshTokens = true;
        Bed.Time.Advance(TimeSpan.FromHours(2));
        using (var first = Bed.CreateClient())
        {
            await first.ResolveAsync(TrackSource(out _), CancellationToken.None);
        }

        // Someone else's stale copy of the file: put the retired refresh token back and expire the access token.
        var path = Directory.GetFiles(Bed.ConfigDirectory, "*.json").Single();
        var live = Bed.Spotify.LiveRefreshTokens.Single();
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace(live, refresh, StringComparison.Ordinal));
        Bed.Time.Advance(TimeSpan.FromHours(2));
        using var client = Bed.CreateClient();

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.ResolveAsync(TrackSource(out _), CancellationToken.None));

        Assert.Equal(ServiceFailureKind.Unauthorized, error.Kind);
        Assert.Equal("Spotify no longer accepts the saved login (invalid_grant: Refresh token revoked); run `musicdl auth login` again.", error.Message);
        Assert.DoesNotContain(refresh, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_forgets_the_login_and_liked_songs_then_need_a_login()
    {
        await Bed.LogInAsync();
        using var login = Bed.CreateLogin();
        Assert.NotNull(await login.GetStatusAsync(CancellationToken.None));

        Assert.True(login.Logout());
        Assert.False(login.Logout());
        Assert.Null(await login.GetStatusAsync(CancellationToken.None));

        using var client = Bed.CreateClient();
        Assert.False(client.IsUserLogin);
        var error = await Assert.ThrowsAsync<ServiceException>(() =>
            client.ResolveAsync(new SpotifySource(SourceKind.LikedSongs, null, "saved"), CancellationToken.None));
        Assert.Equal(ServiceFailureKind.Rejected, error.Kind);
        Assert.Contains("musicdl auth login", error.Message, StringComparison.Ordinal);
    }
}
