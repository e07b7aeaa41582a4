using Microsoft.Extensions.Logging;
using MusicDl.Configuration;

namespace MusicDl.Cli;

/// <summary>
/// Loads the config (file, environment), registers its secrets, applies the command line over it and logs the
/// config's warnings and notes.
/// </summary>
internal static class SettingsLoader
{
    public static async Task<(LoadedConfig Config, MusicDlSettings Settings)> LoadAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var loader = new ConfigLoader(invocation.App.Environment);
        var config = await loader.LoadAsync(invocation.ConfigPath, cancellationToken);
        invocation.Secrets.Add(config.Settings.ClientSecret);
        invocation.Secrets.Add(SecretMasker.RedisPassword(config.Settings.CacheRedis));
        var settings = SettingsBinder.ApplyCommandLine(config.Settings, invocation.Parse, invocation.App.Options);
        if (invocation.Parse.GetValue(invocation.App.Options.Overrides) is { } overrides)
        {
            // --overrides FILE: merged over the config's overrides (and its overrides_file's), errors naming file and line.
            settings = await OverridesFile.ApplyAsync(settings, overrides, cancellationToken);
        }
        var log = invocation.Logging.CreateLogger("config");
        foreach (var warning in config.Warnings)
        {
            log.LogWarning("{Warning}", warning);
        }

        foreach (var note in config.Notes)
        {
            // Running on defaults is normal for `download`; say it only when asked for detail.
            if (config.Path is null)
            {
                log.LogDebug("{Note}", note);
            }
            else
            {
                log.LogInformation("{Note}", note);
            }
        }

        return (config, settings);
    }
}
