using MusicDl.Configuration;
using MusicDl.Models;
using MusicDl.Sources;
using MusicDl.Spotify;

namespace MusicDl.Cli;

internal sealed partial class CommandContext
{
    public async Task<int> RunDownloadAsync(IReadOnlyList<string> arguments, bool isSync, CancellationToken cancellationToken)
    {
        var sources = ParseSources(arguments);
        _ = SettingsBinder.ParseWait(Parse, App.Options);
        var settings = await LoadAsync(cancellationToken);
        if (isSync)
        {
            if (Config?.Path is null)
            {
                throw new UsageException("sync found no config file (give one, set MUSICDL_CONFIG, or create $XDG_CONFIG_HOME/musicdl/config.yaml).");
            }

            if (Config.Sources.Count == 0)
            {
                throw new UsageException($"{Config.Path} lists no songs, albums, playlists or artists to sync.");
            }

            sources = Config.Sources.Select(s => s.Source).ToArray();
        }

        _ = settings;
        _ = sources;
        return NotBuiltYet(isSync ? "sync" : "download");
    }

    public async Task<int> RunMatchAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var sources = ParseSources(arguments);
        _ = await LoadAsync(cancellationToken);
        _ = sources;
        return NotBuiltYet("match");
    }

    /// <summary>Every argument must be a Spotify source; the first that is not stops the run before any network call.</summary>
    private static IReadOnlyList<SpotifySource> ParseSources(IReadOnlyList<string> arguments) =>
        arguments.Select(SpotifyUrlParser.Parse).ToArray();

    public Task<int> CacheStatsAsync(bool json, CancellationToken cancellationToken)
    {
        _ = json;
        _ = cancellationToken;
        return Task.FromResult(NotBuiltYet("cache stats"));
    }

    public Task<int> CacheClearAsync(string? region, CancellationToken cancellationToken)
    {
        _ = region;
        _ = cancellationToken;
        return Task.FromResult(NotBuiltYet("cache clear"));
    }

    public Task<int> CachePruneAsync(CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        return Task.FromResult(NotBuiltYet("cache prune"));
    }

    public async Task<int> ConfigCheckAsync(CancellationToken cancellationToken)
    {
        var settings = await LoadAsync(cancellationToken);
        Stdout.Write(ConfigRenderer.Render(Config!, settings));
        Stdout.Flush();
        return ExitCodes.Ok;
    }

    public async Task<int> AuthLoginAsync(CancellationToken cancellationToken)
    {
        var settings = await LoadAsync(cancellationToken);
        RequireClientId(settings);
        using var login = new SpotifyLogin(settings, SpotifyOptions());
        var attempt = login.Begin();
        Stderr.WriteLine($"Register this redirect URI in your Spotify app's dashboard: {login.RedirectUri}");
        Stderr.WriteLine("Open this URL in a browser and allow access:");
        Stderr.WriteLine();
        Stderr.WriteLine($"  {attempt.AuthorizeUrl}");
        Stderr.WriteLine();
        Stderr.WriteLine("Waiting for the browser to come back. On a machine without a browser, open the URL elsewhere and paste here the address it was sent to:");
        Stderr.Flush();
        var user = await login.LoginAsync(attempt, ct => App.Stdin.ReadLineAsync(ct).AsTask(), cancellationToken);
        Stdout.WriteLine($"logged in as {user.DisplayName ?? user.Id} ({user.Id}); scopes: {string.Join(' ', user.Scopes)}");
        return ExitCodes.Ok;
    }

    public async Task<int> AuthStatusAsync(CancellationToken cancellationToken)
    {
        var settings = await LoadAsync(cancellationToken);
        RequireClientId(settings);
        using var login = new SpotifyLogin(settings, SpotifyOptions());
        if (!login.IsLoggedIn)
        {
            Stdout.WriteLine("not logged in (musicdl auth login)");
            return ExitCodes.Ok;
        }

        var user = await login.GetStatusAsync(cancellationToken);
        Stdout.WriteLine(user is null
            ? "not logged in (musicdl auth login)"
            : $"logged in as {user.DisplayName ?? user.Id} ({user.Id}); scopes: {string.Join(' ', user.Scopes)}");
        return ExitCodes.Ok;
    }

    public async Task<int> AuthLogoutAsync(CancellationToken cancellationToken)
    {
        var settings = await LoadAsync(cancellationToken);
        RequireClientId(settings);
        using var login = new SpotifyLogin(settings, SpotifyOptions());
        Stdout.WriteLine(login.Logout() ? "logged out" : "was not logged in");
        return ExitCodes.Ok;
    }

    private static void RequireClientId(MusicDlSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            throw new UsageException("auth needs a Spotify client id: set client_id in the config or SPOTIFY_CLIENT_ID.");
        }
    }

    /// <summary>The login file lives beside the config file, in the folder the sandboxed environment names.</summary>
    private SpotifyClientOptions SpotifyOptions() => new()
    {
        ConfigDirectory = Path.GetDirectoryName(new ConfigLoader(App.Environment).Paths.DefaultConfigFile),
    };
}
