using System.Text;

namespace MusicDl.Configuration;

/// <summary>
/// <c>musicdl config check</c>: the effective settings as YAML (itself a loadable config), every key with where its
/// value came from, secrets masked (client secret, Redis password).
/// </summary>
public static class ConfigRenderer
{
    /// <summary>
    /// Renders <paramref name="effective"/> (the settings after the command line; default: the loaded ones). A value
    /// that differs from the loaded one is marked as coming from the command line. <paramref name="defaultCacheFile"/>
    /// (the cache layer's platform default) is shown when <c>cache_file</c> is not set.
    /// </summary>
    public static string Render(LoadedConfig config, MusicDlSettings? effective = null, string? defaultCacheFile = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var settings = effective ?? config.Settings;
        var sb = new StringBuilder();
        sb.Append("# musicdl effective settings (command line > environment > file > defaults)\n");
        sb.Append("# config file: ").Append(new ConfigLocation(config.Path, config.Origin).Describe()).Append('\n');
        if (config.Version is not null)
        {
            sb.Append("version: ").Append(YamlText.Quote(config.Version)).Append('\n');
        }

        sb.Append("download:\n");
        foreach (var key in ConfigKeys.All.Where(k => !k.WithoutEffect))
        {
            var value = key.Render(settings);
            var origin = value == key.Render(config.Settings) ? config.OriginOf(key.Name) : SettingOrigin.CommandLine;
            var comment = $"  # {origin}";
            if (key.Name == "cache_file" && settings.CacheFile is null && defaultCacheFile is not null)
            {
                comment += $": {defaultCacheFile}";
            }

            // Block values (youtube_clients) start on the next line; the comment stays on the key's line.
            sb.Append("  ").Append(key.Name).Append(':');
            sb.Append(value.StartsWith('\n') ? comment + value : " " + value + comment).Append('\n');
        }

        RenderOverrides(sb, settings);
        RenderSources(sb, config);
        RenderEndpoints(sb, config, settings);
        return sb.ToString();
    }

    private static void RenderOverrides(StringBuilder sb, MusicDlSettings settings)
    {
        if (settings.OverridesFile is { } file)
        {
            // Its entries are shown merged into overrides: below.
            sb.Append("overrides_file: ").Append(YamlText.Quote(file)).Append('\n');
        }

        if (settings.Overrides.Count == 0)
        {
            return;
        }

        sb.Append("overrides:\n");
        foreach (var (track, target) in settings.Overrides.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            sb.Append("  ").Append(YamlText.Quote(track)).Append(": ").Append(YamlText.Quote(target)).Append('\n');
        }
    }

    private static void RenderSources(StringBuilder sb, LoadedConfig config)
    {
        foreach (var group in config.Sources.GroupBy(s => s.Kind).OrderBy(g => g.Key))
        {
            sb.Append(group.Key.ToString().ToLowerInvariant()).Append(":\n");
            foreach (var source in group)
            {
                sb.Append("  - ").Append(YamlText.Quote(source.Name)).Append(": ")
                    .Append(YamlText.Quote(SecretMasker.MaskConnectionString(source.Source.Original)))
                    .Append("  # ").Append(source.Source.Uri).Append('\n');
            }
        }
    }

    // Endpoints come only from the environment, so they are comments rather than keys.
    private static void RenderEndpoints(StringBuilder sb, LoadedConfig config, MusicDlSettings settings)
    {
        sb.Append("# endpoints:\n");
        var endpoints = new (string Key, Uri Uri)[]
        {
            ("spotify_api", settings.Endpoints.SpotifyApi),
            ("spotify_accounts", settings.Endpoints.SpotifyAccounts),
            ("youtube_music", settings.Endpoints.YouTubeMusic),
            ("youtube", settings.Endpoints.YouTube),
        };
        foreach (var (key, uri) in endpoints)
        {
            sb.Append("#   ").Append(key).Append(": ").Append(SecretMasker.MaskConnectionString(uri.ToString()))
                .Append("  (").Append(config.OriginOf("endpoints." + key)).Append(")\n");
        }
    }
}
