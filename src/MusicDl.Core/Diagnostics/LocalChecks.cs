using Microsoft.Data.Sqlite;
using MusicDl.Configuration;
using MusicDl.Library;
using MusicDl.Output;
using StackExchange.Redis;

namespace MusicDl.Diagnostics;

/// <summary>This machine's side: the output folder, the library lock, the cache file, Redis, and the YouTube clients in use.</summary>
internal static class LocalChecks
{
    public static IEnumerable<DoctorProbe> Probes(MusicDlSettings settings, DoctorContext context)
    {
        var library = Path.GetFullPath(settings.OutputDir);
        yield return new DoctorProbe("output folder", ct => Task.FromResult(OutputFolder(library)),
            d => DoctorCheck.Problem("output folder", $"{library}: {d}", "choose a writable output_dir (or --output-dir)"));
        yield return new DoctorProbe("library lock", ct => LibraryLockAsync(library, ct),
            d => DoctorCheck.Warning("library lock", d, "see whether another musicdl run is still going"));
        yield return new DoctorProbe("cache file", ct => Task.FromResult(CacheFile(settings, context)),
            d => DoctorCheck.Warning("cache file", d, "musicdl cache clear"));
        if (!string.IsNullOrWhiteSpace(settings.CacheRedis) && !settings.NoCache)
        {
            yield return new DoctorProbe("redis", ct => RedisAsync(settings.CacheRedis, settings.RequestTimeout),
                d => DoctorCheck.Warning("redis", $"Redis unreachable: {d}", "start Redis, or remove cache_redis from the config"));
        }

        yield return new DoctorProbe("youtube clients", _ => Task.FromResult(DoctorCheck.Ok("youtube clients",
            "youtube_clients: " + string.Join(", ", settings.YouTubeClients.Select(c => c.Name)))),
            d => DoctorCheck.Warning("youtube clients", d, "check youtube_clients in the config"));
    }

    /// <summary>Writes and deletes a probe file in the folder, or in the nearest existing parent a run would create it under.</summary>
    private static DoctorCheck OutputFolder(string library)
    {
        var existing = library;
        while (!Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing) ?? throw new DirectoryNotFoundException("no existing parent folder");
        }

        var probe = Path.Combine(existing, $".musicdl-doctor-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return DoctorCheck.Problem("output folder", $"{existing} is not writable ({Doctor.Describe(ex)})", "choose a writable output_dir (or --output-dir), or fix the folder's permissions");
        }

        return DoctorCheck.Ok("output folder", existing == library ? $"{library}, writable" : $"{library} (created on the first run under {existing}, writable)");
    }

    private static async Task<DoctorCheck> LibraryLockAsync(string library, CancellationToken cancellationToken)
    {
        try
        {
            // A shared hold creates nothing and is refused at once while a run holds the lock.
            await using var held = await LibraryLock.AcquireSharedAsync(library, TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
            return DoctorCheck.Ok("library lock", held is null ? "free (no run has used this library yet)" : "free");
        }
        catch (LibraryLockedException ex)
        {
            var by = ex.Pid is { } pid ? $"held by pid {pid}" : "held by another process";
            return DoctorCheck.Warning("library lock", by + " (a run is going; the next one waits or stops)",
                "wait for that run to end, or use --wait; a lock of a dead process frees itself");
        }
    }

    private static DoctorCheck CacheFile(MusicDlSettings settings, DoctorContext context)
    {
        if (settings.NoCache || !settings.CachePersistent)
        {
            return DoctorCheck.Ok("cache file", "persistent cache off (memory only)");
        }

        var file = settings.CacheFile ?? context.DefaultCacheFile;
        if (!File.Exists(file))
        {
            return DoctorCheck.Warning("cache file", $"{file} does not exist yet", "nothing to do: the first run creates it");
        }

        var size = new FileInfo(file).Length;
        var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = command.ExecuteScalar() as string;
        var kib = (size + 1023) / 1024;
        return result == "ok"
            ? DoctorCheck.Ok("cache file", $"{file}, {kib} KiB, integrity ok")
            : DoctorCheck.Warning("cache file", $"{file}, {kib} KiB, integrity check: {result}", "musicdl cache clear (it only holds answers that can be asked again)");
    }

    private static async Task<DoctorCheck> RedisAsync(string configuration, TimeSpan timeout)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 0;
        options.ConnectTimeout = (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        var latency = await redis.GetDatabase().PingAsync().ConfigureAwait(false);
        return DoctorCheck.Ok("redis", $"{string.Join(", ", options.EndPoints)} answered in {(int)latency.TotalMilliseconds} ms");
    }
}
