using MusicDl.Configuration;

namespace MusicDl.Tests.Configuration;

/// <summary>Shared helpers: an injected environment and parsing text as if read from a file named test.yaml.</summary>
internal static class ConfigTestData
{
    public const string FileName = "test.yaml";

    public static string SeedPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Configuration", "seed-config.yaml");

    public static Dictionary<string, string> Env(params (string Name, string Value)[] variables)
    {
        // A sandbox home so nothing of the real user's leaks into a test.
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = "/home/tester" };
        foreach (var (name, value) in variables)
        {
            env[name] = value;
        }

        return env;
    }

    public static LoadedConfig Parse(string yaml, IReadOnlyDictionary<string, string>? env = null) =>
        new ConfigLoader(env ?? Env(), isWindows: false).Parse(yaml, new ConfigLocation(FileName, ConfigOrigin.CommandLine));

    public static ConfigException ParseError(string yaml, IReadOnlyDictionary<string, string>? env = null) =>
        Assert.Throws<ConfigException>(() => Parse(yaml, env));
}
