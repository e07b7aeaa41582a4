namespace MusicDl.Cli;

internal sealed partial class CommandContext
{
    public Task<int> RunDownloadAsync(IReadOnlyList<string> arguments, bool isSync, CancellationToken cancellationToken)
    {
        _ = LoadSettings();
        _ = SettingsBinder.ParseWait(Parse, App.Options);
        _ = arguments;
        _ = cancellationToken;
        return Task.FromResult(NotBuiltYet(isSync ? "sync" : "download"));
    }

    public Task<int> RunMatchAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        _ = LoadSettings();
        _ = arguments;
        _ = cancellationToken;
        return Task.FromResult(NotBuiltYet("match"));
    }

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

    public Task<int> ConfigCheckAsync(CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        return Task.FromResult(NotBuiltYet("config check"));
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
