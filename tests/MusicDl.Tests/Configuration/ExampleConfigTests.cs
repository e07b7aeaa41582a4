using MusicDl.Configuration;

namespace MusicDl.Tests.Configuration;

public sealed class ExampleConfigTests
{
    private static readonly string ExamplePath = FindExample();

    [Fact]
    public async Task The_example_loads_without_warnings_or_notes()
    {
        var loaded = await new ConfigLoader(ConfigTestData.Env(), isWindows: false).LoadAsync(ExamplePath);

        Assert.Empty(loaded.Warnings);
        Assert.Empty(loaded.Notes);
    }

    [Fact]
    public async Task The_example_sets_every_key_to_its_default()
    {
        var loaded = await new ConfigLoader(ConfigTestData.Env(), isWindows: false).LoadAsync(ExamplePath);

        Assert.Equal(
            ConfigKeys.All.Select(k => $"{k.Name}: {k.Render(new MusicDlSettings())}"),
            ConfigKeys.All.Select(k => $"{k.Name}: {k.Render(loaded.Settings)}"));
    }

    [Fact]
    public void The_example_documents_every_key_alias_variable_and_environment_variable()
    {
        var text = File.ReadAllText(ExamplePath);
        var names = ConfigKeys.All.SelectMany(k => k.Aliases.Append(k.Name))
            .Concat(["overrides", "songs", "albums", "playlists", "artists", "SPOTIFY_CLIENT_ID", "SPOTIFY_CLIENT_SECRET", "MUSICDL_CONFIG"])
            .Concat(TemplateVariableList.Known.Concat(TemplateVariableList.Aliases.Keys).Select(v => "{" + v + "}"));

        Assert.All(names, name => Assert.Contains(name, text, StringComparison.Ordinal));
    }

    // The example lives at the repository root, next to MusicDl.sln.
    private static string FindExample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MusicDl.sln")))
            {
                return Path.Combine(dir.FullName, "config.example.yaml");
            }
        }

        throw new InvalidOperationException("MusicDl.sln not found above the test output folder");
    }
}
