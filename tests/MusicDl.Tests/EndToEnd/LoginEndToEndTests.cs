using System.Net;
using System.Net.Sockets;
using MusicDl.Fakes.Spotify;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.EndToEnd;

/// <summary>`auth login` on a headless machine (the redirected URL pasted on stdin), then a private playlist.</summary>
[Trait("Category", "EndToEnd")]
public sealed class LoginEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Auth_login_with_the_redirect_pasted_on_stdin_saves_a_login_that_reads_a_private_playlist()
    {
        var (playlist, _) = _world.AddDownloadablePlaylist(3, withOddities: false, access: FakePlaylistAccess.OwnerOrCollaborator);
        _world.WriteConfig(_world.Config() + $"\n  auth_redirect_port: {LoopbackPorts.Unused()}\n");
        var url = FakeWorld.PlaylistUrl(playlist);

        // Without a login the client-credentials token is refused the items: under `api` access the source fails
        // (under `auto` it would be read from its public page).
        var anonymous = await _world.RunAsync("download", url, "--json", "--spotify-access", "api");
        Assert.True(anonymous.ExitCode == 1, anonymous.ToString());

        using (var login = _world.Sandbox.Start(["--config", _world.ConfigPath, "auth", "login"], redirectStdin: true))
        {
            var stdout = login.StandardOutput.ReadToEndAsync();
            string? authorize = null;
            while (authorize is null && await login.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) is { } line)
            {
                var at = line.IndexOf(_world.Spotify.AccountsBase.AbsoluteUri + "authorize?", StringComparison.Ordinal);
                authorize = at >= 0 ? line[at..].Trim() : null;
            }

            Assert.NotNull(authorize);
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using var redirect = await browser.GetAsync(new Uri(authorize));
            Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
            await login.StandardInput.WriteLineAsync(redirect.Headers.Location!.AbsoluteUri);
            login.StandardInput.Close();
            var stderrRest = login.StandardError.ReadToEndAsync();
            await login.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(login.ExitCode == 0, await stderrRest);
            Assert.Contains("logged in as Fake User (fakeuser)", await stdout, StringComparison.Ordinal);
        }

        var loginFile = Path.Combine(_world.Sandbox.ConfigHome, "musicdl", $"spotify-login-{_world.Spotify.ClientId}.json");
        Assert.True(File.Exists(loginFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(loginFile));
        }

        var run = new RunOutput(await _world.RunAsync("download", url, "--json"));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        Assert.Equal(3, run.WithStatus("downloaded").Count);
    }

    [Fact]
    public async Task Sync_of_liked_songs_from_the_config_downloads_the_saved_tracks_of_the_logged_in_user()
    {
        var album = _world.AddDownloadableAlbum(4);
        var added = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        foreach (var track in album.Tracks.Take(3))
        {
            _world.Spotify.AddSavedTrack(track.Id, added);
        }

        await _world.SeedUserLoginAsync();
        _world.WriteConfig(_world.Config("""
            playlists:
              - liked: https://open.spotify.com/collection/tracks
            """));

        var run = new RunOutput(await _world.RunAsync("sync", "--json"));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        Assert.Equal(
            album.Tracks.Take(3).Select(t => t.Name).Order(StringComparer.Ordinal),
            run.WithStatus("downloaded").Select(t => t.GetProperty("title").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(3, FakeWorld.AudioFiles(_world.Sandbox.Library).Count);
    }
}
