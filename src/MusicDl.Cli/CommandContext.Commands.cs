using MusicDl.Configuration;
using MusicDl.Models;
using MusicDl.Sources;

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

    public Task<int> AuthLoginAsync(CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        return Task.FromResult(NotBuiltYet("auth login"));
    }

    public Task<int> AuthStatusAsync(CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        return Task.FromResult(NotBuiltYet("auth status"));
    }

    public Task<int> AuthLogoutAsync(CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        return Task.FromResult(NotBuiltYet("auth logout"));
    }
}
