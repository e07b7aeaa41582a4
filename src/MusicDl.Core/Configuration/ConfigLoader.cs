namespace MusicDl.Configuration;

/// <summary>
/// Finds and reads the config file (the original app's format, unchanged) and layers the environment on it.
/// The environment is injected so tests and the CLI harness control it; the CLI applies its own options
/// afterwards with <c>settings with { ... }</c> and checks them with <see cref="SettingsValidator"/>.
/// </summary>
public sealed class ConfigLoader
{
    public const string ClientIdVariable = "SPOTIFY_CLIENT_ID";
    public const string ClientSecretVariable = "SPOTIFY_CLIENT_SECRET";

    private static readonly (string Variable, string Key, Func<Endpoints, Uri, Endpoints> Set)[] EndpointVariables =
    [
        (Endpoints.SpotifyApiVariable, "endpoints.spotify_api", (e, u) => e with { SpotifyApi = u }),
        (Endpoints.SpotifyAccountsVariable, "endpoints.spotify_accounts", (e, u) => e with { SpotifyAccounts = u }),
        (Endpoints.YouTubeMusicVariable, "endpoints.youtube_music", (e, u) => e with { YouTubeMusic = u }),
        (Endpoints.YouTubeVariable, "endpoints.youtube", (e, u) => e with { YouTube = u }),
        (Endpoints.LrclibVariable, "endpoints.lrclib", (e, u) => e with { Lrclib = u }),
        (Endpoints.MusicBrainzVariable, "endpoints.musicbrainz", (e, u) => e with { MusicBrainz = u }),
        (Endpoints.SpotifyOpenVariable, "endpoints.spotify_open", (e, u) => e with { SpotifyOpen = u }),
    ];

    public ConfigLoader(IReadOnlyDictionary<string, string> environment, bool? isWindows = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Paths = new ConfigPaths(environment, isWindows ?? OperatingSystem.IsWindows());
    }

    public ConfigPaths Paths { get; }

    /// <summary>
    /// Which file to read: <paramref name="explicitPath"/> (--config), else $MUSICDL_CONFIG, else the default
    /// location if the file is there, else none. A file named explicitly or by the variable must exist.
    /// </summary>
    public ConfigLocation Locate(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            if (Directory.Exists(explicitPath))
            {
                throw new ConfigException($"config file '{explicitPath}' is a folder; name the config.yaml inside it");
            }

            if (File.Exists(explicitPath))
            {
                return new ConfigLocation(explicitPath, ConfigOrigin.CommandLine);
            }

            // A name in bytes the locale cannot decode is found by those bytes.
            return UndecodablePath.FromArguments(explicitPath) is { } opened
                ? new ConfigLocation(opened, ConfigOrigin.CommandLine)
                : throw new ConfigException($"config file '{explicitPath}' not found");
        }

        if (Paths.Variable(ConfigPaths.ConfigVariable) is { } fromVariable)
        {
            if (Directory.Exists(fromVariable))
            {
                throw new ConfigException($"{ConfigPaths.ConfigVariable} names '{fromVariable}', which is a folder, not a file");
            }

            if (File.Exists(fromVariable))
            {
                return new ConfigLocation(fromVariable, ConfigOrigin.EnvironmentVariable);
            }

            return UndecodablePath.FromVariable(ConfigPaths.ConfigVariable, fromVariable) is { } opened
                ? new ConfigLocation(opened, ConfigOrigin.EnvironmentVariable)
                : throw new ConfigException($"{ConfigPaths.ConfigVariable} names '{fromVariable}', which is not a file");
        }

        var standard = Paths.DefaultConfigFile;
        return File.Exists(standard) ? new ConfigLocation(standard, ConfigOrigin.DefaultLocation) : ConfigLocation.None;
    }

    /// <summary>Locates, reads and parses the config, then applies the environment. Throws <see cref="ConfigException"/> on bad input.</summary>
    public async Task<LoadedConfig> LoadAsync(string? explicitPath, CancellationToken cancellationToken = default)
    {
        var location = Locate(explicitPath);
        if (location.Path is null)
        {
            var defaults = Parse(string.Empty, location);
            return defaults with { Notes = [$"no config file found (looked for {Paths.DefaultConfigFile}); using defaults", .. defaults.Notes] };
        }

        if (Output.NamedFile.ReadProblem(location.Path) is { } problem)
        {
            throw new ConfigException($"config file '{location.Path}' {problem}");
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(location.Path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigException($"cannot read config file '{location.Path}': {e.Message}", e);
        }

        var loaded = Parse(text, location);
        return loaded.Settings.OverridesFile is null
            ? loaded
            : loaded with { Settings = await OverridesFile.ApplyAsync(loaded.Settings, cancellationToken: cancellationToken) };
    }

    /// <summary>Parses config text as if read from <paramref name="location"/> (its path names the file in messages), then applies the environment.</summary>
    public LoadedConfig Parse(string yaml, ConfigLocation location)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(location);
        var reading = new ConfigFileReader(location.Path ?? "config", Paths);
        reading.Read(yaml);
        var settings = ApplyEnvironment(reading.Settings, reading.Origins);

        var remaining = SettingsValidator.Validate(settings);
        if (remaining.Count > 0)
        {
            throw new ConfigException(location.Path is null ? remaining[0].ToString() : $"{location.Path}: {remaining[0]}");
        }

        return new LoadedConfig(settings, location.Path, reading.Sources, reading.Warnings, reading.Notes)
        {
            Origin = location.Origin,
            SettingOrigins = reading.Origins,
            Version = reading.Version,
        };
    }

    private MusicDlSettings ApplyEnvironment(MusicDlSettings settings, Dictionary<string, SettingOrigin> origins)
    {
        if (Paths.Variable(ClientIdVariable) is { } clientId)
        {
            settings = settings with { ClientId = clientId.Trim() };
            origins["client_id"] = new SettingOrigin(SettingOriginKind.Environment, ClientIdVariable);
        }

        if (Paths.Variable(ClientSecretVariable) is { } clientSecret)
        {
            settings = settings with { ClientSecret = clientSecret.Trim() };
            origins["client_secret"] = new SettingOrigin(SettingOriginKind.Environment, ClientSecretVariable);
        }

        var endpoints = settings.Endpoints;
        foreach (var (variable, key, set) in EndpointVariables)
        {
            if (Paths.Variable(variable) is not { } text)
            {
                continue;
            }

            var shown = SecretMasker.MaskConnectionString(text.Trim());
            if (!Uri.TryCreate(text.Trim().TrimEnd('/'), UriKind.Absolute, out var uri))
            {
                throw new ConfigException($"{variable}: '{shown}' is not an absolute URL");
            }

            var problem = SettingsValidator.CheckEndpoint(uri);
            endpoints = problem is null ? set(endpoints, uri) : throw new ConfigException($"{variable}: {problem}");
            origins[key] = new SettingOrigin(SettingOriginKind.Environment, variable);
        }

        return settings with { Endpoints = endpoints };
    }
}
