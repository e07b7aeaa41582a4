using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Output;
using MusicDl.Models;
using MusicDl.Sources;
using MusicDl.Spotify;

namespace MusicDl.Cli;

internal sealed partial class CommandContext
{
    public async Task<int> RunDownloadAsync(IReadOnlyList<string> arguments, bool isSync, CancellationToken cancellationToken)
    {
        var sources = ParseSources(arguments);
        var wait = SettingsBinder.ParseWait(Parse, App.Options) ?? TimeSpan.Zero;
        var settings = await LoadAsync(cancellationToken);
        IReadOnlyList<ConfigSource> configSources = [];
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

            configSources = Config.Sources;
            sources = configSources.Select(s => s.Source).ToArray();
        }

        var mode = Parse.GetValue(App.Options.DryRun) ? RunMode.DryRun : RunMode.Download;
        var prune = isSync && Parse.GetValue(App.Options.Prune);
        return await RunAsync(sources, settings, mode, wait, prune ? configSources : null, cancellationToken);
    }

    public async Task<int> RunMatchAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var sources = ParseSources(arguments);
        var settings = await LoadAsync(cancellationToken);
        return await RunAsync(sources, settings, RunMode.Match, TimeSpan.Zero, null, cancellationToken);
    }

    private async Task<int> RunAsync(
        IReadOnlyList<SpotifySource> sources,
        MusicDlSettings settings,
        RunMode mode,
        TimeSpan lockWait,
        IReadOnlyList<ConfigSource>? pruneSources,
        CancellationToken cancellationToken)
    {
        settings = WithDefaultCacheFile(settings);
        var spotifyOptions = SpotifyOptions();
        var loggedIn = false;
        if (!string.IsNullOrWhiteSpace(settings.ClientId))
        {
            using var login = new SpotifyLogin(settings, spotifyOptions);
            loggedIn = login.IsLoggedIn;
        }

        if (SpotifyCredentials.Problem(settings, loggedIn, Config?.Path) is { } problem)
        {
            throw new UsageException(problem);
        }

        var started = TimeProvider.System.GetTimestamp();
        await using var runtime = await MusicDlRuntime.CreateAsync(settings, mode, lockWait, Logging, spotifyOptions, cancellationToken);
        var reporter = new ConsoleReporter(Stdout, Stderr, Json, Quiet, App.StderrIsTerminal && !NoColor && !Quiet);
        reporter.Attach(runtime.Downloader);
        var result = await runtime.Downloader.RunAsync(new DownloadRequest(sources, settings, mode) { Immediate = App.Immediate }, cancellationToken);
        var outcomes = result.Outcomes.ToList();
        if (pruneSources is not null && runtime.Library is { } library && result.AbortMessage is null && !result.Interrupted)
        {
            outcomes.AddRange(await PruneAsync(runtime, library, pruneSources, result, mode == RunMode.DryRun, reporter, cancellationToken));
        }

        var exit = result.ExitCode;
        var summary = new RunSummary
        {
            Downloaded = result.Count(TrackStatus.Downloaded),
            Skipped = result.Count(TrackStatus.Skipped),
            Retagged = result.Count(TrackStatus.Retagged),
            NotFound = result.Count(TrackStatus.NotFound),
            Failed = result.Count(TrackStatus.Failed),
            Unsupported = result.Count(TrackStatus.Unsupported),
            ExitCode = exit,
            ElapsedS = TimeProvider.System.GetElapsedTime(started).TotalSeconds,
            Requests = runtime.Requests,
            Cache = runtime.Cache.GetStatistics(),
        };
        reporter.Complete(summary, result.AbortMessage);
        return exit;
    }

    /// <summary>
    /// sync --prune: only playlists and albums still in the config that were read this run lose the files of tracks
    /// they no longer list; a source that failed to load, an artist or a one-off download prunes nothing.
    /// </summary>
    private static async Task<IReadOnlyList<TrackOutcome>> PruneAsync(
        MusicDlRuntime runtime,
        Library.MusicLibrary library,
        IReadOnlyList<ConfigSource> configSources,
        RunResult result,
        bool dryRun,
        ConsoleReporter reporter,
        CancellationToken cancellationToken)
    {
        var pruned = new List<TrackOutcome>();
        var read = runtime.Downloader.ResolvedSources.ToDictionary(r => r.Source.Uri, StringComparer.Ordinal);
        foreach (var config in configSources.Where(c => c.Source.Kind is SourceKind.Playlist or SourceKind.Album or SourceKind.LikedSongs))
        {
            if (!read.TryGetValue(config.Source.Uri, out var source) || result.SourceFailures.Any(f => f.Source == config.Source.Uri))
            {
                continue;
            }

            var current = source.Entries.Where(e => e.Track is not null).Select(e => e.Track!.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var path in await library.PruneAsync(source.Source.Uri, current, dryRun, cancellationToken))
            {
                var outcome = new TrackOutcome
                {
                    Title = Path.GetFileNameWithoutExtension(path),
                    Sources = [source.Source.Uri],
                    Status = dryRun ? TrackStatus.Planned : TrackStatus.Pruned,
                    Path = Path.GetFullPath(Path.Combine(library.Root, path)),
                    Error = dryRun ? "would be pruned" : null,
                };
                pruned.Add(outcome);
                reporter.Finished(outcome);
            }
        }

        return pruned;
    }

    /// <summary>The default cache file follows this invocation's environment (XDG_CACHE_HOME), not the process's.</summary>
    private MusicDlSettings WithDefaultCacheFile(MusicDlSettings settings) =>
        settings.CacheFile is not null
            ? settings
            : settings with { CacheFile = CachePaths.DefaultFile(name => App.Environment.GetValueOrDefault(name), OperatingSystem.IsWindows()) };

    /// <summary>Every argument must be a Spotify source; the first that is not stops the run before any network call.</summary>
    private static IReadOnlyList<SpotifySource> ParseSources(IReadOnlyList<string> arguments) =>
        arguments.Select(SpotifyUrlParser.Parse).ToArray();

    public async Task<int> CacheStatsAsync(bool json, CancellationToken cancellationToken)
    {
        var admin = await CacheAdminAsync(cancellationToken);
        var stats = admin.Stats();
        if (json)
        {
            Stdout.WriteLine(OutputJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("path", stats.Path);
                w.WriteBoolean("exists", stats.Exists);
                w.WriteNumber("bytes_on_disk", stats.BytesOnDisk);
                w.WriteNumber("entries", stats.Entries);
                WriteTime(w, "oldest", stats.Oldest);
                WriteTime(w, "newest", stats.Newest);
                w.WriteStartObject("regions");
                foreach (var r in stats.Regions)
                {
                    w.WriteStartObject(r.Region);
                    w.WriteNumber("entries", r.Entries);
                    WriteTime(w, "oldest", r.Oldest);
                    WriteTime(w, "newest", r.Newest);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }));
            return ExitCodes.Ok;
        }

        Stdout.WriteLine($"{stats.Path}: {(stats.Exists ? $"{stats.BytesOnDisk:N0} bytes, {stats.Entries} entries" : "no cache file yet")}");
        foreach (var r in stats.Regions)
        {
            Stdout.WriteLine($"{r.Region,-15}{r.Entries,9} entries   oldest {Format(r.Oldest)}   newest {Format(r.Newest)}");
        }

        return ExitCodes.Ok;

        static string Format(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "-";

        static void WriteTime(System.Text.Json.Utf8JsonWriter w, string name, DateTimeOffset? t)
        {
            if (t is { } value)
            {
                w.WriteString(name, value);
            }
            else
            {
                w.WriteNull(name);
            }
        }
    }

    public async Task<int> CacheClearAsync(string? region, CancellationToken cancellationToken)
    {
        if (region is not null && !CacheRegions.All.Contains(region))
        {
            throw new UsageException($"--region '{region}' is not one of {string.Join(", ", CacheRegions.All)}.");
        }

        var admin = await CacheAdminAsync(cancellationToken);
        var removed = admin.Clear(region);
        Stdout.WriteLine($"removed {removed} entries{(region is null ? string.Empty : $" from {region}")} ({admin.FilePath})");
        return ExitCodes.Ok;
    }

    public async Task<int> CachePruneAsync(CancellationToken cancellationToken)
    {
        var admin = await CacheAdminAsync(cancellationToken);
        var removed = admin.Prune();
        Stdout.WriteLine($"removed {removed} expired entries and compacted {admin.FilePath}");
        return ExitCodes.Ok;
    }

    private async Task<CacheAdmin> CacheAdminAsync(CancellationToken cancellationToken)
    {
        var settings = WithDefaultCacheFile(await LoadAsync(cancellationToken));
        return new CacheAdmin(settings.CacheFile!, TimeProvider.System, Logging.CreateLogger("cache"));
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
