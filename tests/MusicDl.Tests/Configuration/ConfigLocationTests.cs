using MusicDl.Configuration;
using static MusicDl.Tests.Configuration.ConfigTestData;

namespace MusicDl.Tests.Configuration;

public sealed class ConfigLocationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("musicdl-config-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task The_explicit_path_wins_over_the_variable_and_the_default_location()
    {
        var xdg = WriteDefault("download:\n  threads: 2\n");
        var fromVariable = Write("variable.yaml", "download:\n  threads: 3\n");
        var explicitPath = Write("explicit.yaml", "download:\n  threads: 5\n");
        var loader = Loader(("XDG_CONFIG_HOME", xdg), ("MUSICDL_CONFIG", fromVariable));

        var loaded = await loader.LoadAsync(explicitPath);

        Assert.Equal((5, explicitPath, ConfigOrigin.CommandLine), (loaded.Settings.Threads, loaded.Path, loaded.Origin));
    }

    [Fact]
    public async Task The_variable_wins_over_the_default_location()
    {
        var xdg = WriteDefault("download:\n  threads: 2\n");
        var fromVariable = Write("variable.yaml", "download:\n  threads: 3\n");

        var loaded = await Loader(("XDG_CONFIG_HOME", xdg), ("MUSICDL_CONFIG", fromVariable)).LoadAsync(null);

        Assert.Equal((3, ConfigOrigin.EnvironmentVariable), (loaded.Settings.Threads, loaded.Origin));
    }

    [Fact]
    public async Task The_default_location_is_under_xdg_config_home()
    {
        var xdg = WriteDefault("download:\n  threads: 2\n");

        var loaded = await Loader(("XDG_CONFIG_HOME", xdg)).LoadAsync(null);

        Assert.Equal((2, ConfigOrigin.DefaultLocation), (loaded.Settings.Threads, loaded.Origin));
        Assert.Equal(Path.Combine(xdg, "musicdl", "config.yaml"), loaded.Path);
    }

    [Fact]
    public async Task Without_any_file_the_defaults_load_with_a_note_saying_where_it_looked()
    {
        var loaded = await Loader(("XDG_CONFIG_HOME", Path.Combine(_root, "empty"))).LoadAsync(null);

        Assert.Equal((null, ConfigOrigin.None), (loaded.Path, loaded.Origin));
        Assert.Equal(4, loaded.Settings.Threads);
        Assert.Contains(Path.Combine(_root, "empty", "musicdl", "config.yaml"), Assert.Single(loaded.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_explicit_file_or_variable_file_is_an_error()
    {
        var missing = Path.Combine(_root, "nope.yaml");

        var fromOption = await Assert.ThrowsAsync<ConfigException>(() => Loader().LoadAsync(missing));
        var fromVariable = await Assert.ThrowsAsync<ConfigException>(() => Loader(("MUSICDL_CONFIG", missing)).LoadAsync(null));

        Assert.Equal($"config file '{missing}' not found", fromOption.Message);
        Assert.Equal($"MUSICDL_CONFIG names '{missing}', which is not a file", fromVariable.Message);
    }

    [Fact]
    public async Task Errors_in_a_file_name_its_path()
    {
        var path = Write("bad.yaml", "download:\n  threads: 0\n");

        var error = await Assert.ThrowsAsync<ConfigException>(() => Loader().LoadAsync(path));

        Assert.StartsWith($"{path}:2:12: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_saved_on_windows_with_bom_and_crlf_loads_with_the_same_positions()
    {
        var path = Path.Combine(_root, "windows.yaml");
        await File.WriteAllTextAsync(path, "download:\r\n  threads: 6\r\n  colour: red\r\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var loaded = await Loader().LoadAsync(path);

        Assert.Equal(6, loaded.Settings.Threads);
        Assert.StartsWith($"{path}:3:3: unknown key 'colour'", Assert.Single(loaded.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "/home/tester/.config/musicdl/config.yaml")]
    [InlineData(true, "/roaming/musicdl/config.yaml")]
    public void The_default_location_follows_xdg_or_appdata_and_ignores_a_relative_xdg(bool windows, string config)
    {
        var paths = new ConfigPaths(Env(("APPDATA", "/roaming"), ("XDG_CONFIG_HOME", "relative/ignored")), windows);

        Assert.Equal(config, paths.DefaultConfigFile);
    }

    [Theory]
    [InlineData("~", "/home/tester")]
    [InlineData("~/Music", "/home/tester/Music")]
    [InlineData("/srv/~x", "/srv/~x")]
    [InlineData("~other/x", "~other/x")]
    public void A_leading_tilde_is_the_home_folder(string path, string expanded)
    {
        Assert.Equal(expanded, new ConfigPaths(Env(), isWindows: false).ExpandHome(path));
    }

    private ConfigLoader Loader(params (string, string)[] variables) => new(Env(variables), isWindows: false);

    private string WriteDefault(string text)
    {
        var xdg = Path.Combine(_root, "xdg");
        Directory.CreateDirectory(Path.Combine(xdg, "musicdl"));
        File.WriteAllText(Path.Combine(xdg, "musicdl", "config.yaml"), text);
        return xdg;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text);
        return path;
    }
}
