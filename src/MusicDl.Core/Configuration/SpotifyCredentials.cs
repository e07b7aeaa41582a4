namespace MusicDl.Configuration;

/// <summary>Checks the Spotify app credentials for commands that call Spotify (the others never need them).</summary>
public static class SpotifyCredentials
{
    // The seed config ships these placeholders; a run with them would only fail later with a 401.
    private static readonly string[] Placeholders = ["your-spotify-client-id", "your-spotify-client-secret"];

    /// <summary>
    /// Null when the settings can call Spotify; otherwise the one-line error to print (exit 2). After
    /// <c>musicdl auth login</c> (<paramref name="hasUserLogin"/>) the client id alone suffices.
    /// </summary>
    public static string? Problem(MusicDlSettings settings, bool hasUserLogin, string? configPath = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var missing = new List<string>();
        if (IsMissing(settings.ClientId))
        {
            missing.Add("client_id");
        }

        if (!hasUserLogin && IsMissing(settings.ClientSecret))
        {
            missing.Add("client_secret");
        }

        if (missing.Count == 0)
        {
            return null;
        }

        var where = configPath is null ? "the config file" : $"the config file ({configPath})";
        var variables = hasUserLogin
            ? ConfigLoader.ClientIdVariable
            : $"{ConfigLoader.ClientIdVariable} and {ConfigLoader.ClientSecretVariable}";
        return $"Spotify credentials missing ({string.Join(", ", missing)}): set {string.Join(" and ", missing)} under download: in {where}, "
            + $"or the environment variable{(hasUserLogin ? string.Empty : "s")} {variables}"
            + (hasUserLogin ? string.Empty : "; after 'musicdl auth login' the client id alone suffices")
            + " (create an app at https://developer.spotify.com/dashboard)";
    }

    private static bool IsMissing(string? value) =>
        string.IsNullOrWhiteSpace(value) || Placeholders.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);
}
