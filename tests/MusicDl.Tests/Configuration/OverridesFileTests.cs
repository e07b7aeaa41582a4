using MusicDl.Configuration;

namespace MusicDl.Tests.Configuration;

public sealed class OverridesFileTests : IDisposable
{
    private const string Track = "4uLU6hMCjMI75M1A2tKUQC";
    private const string Other = "1t2qKa8K72IBC8yQlhD9bU";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("musicdl-overrides-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("")]
    [InlineData("overrides:\n")]
    [InlineData("overrides: {}\n")]
    [InlineData("overrides: ~\n# " + Track + ": dQw4w9WgXcQ\n")]
    public async Task An_empty_file_or_a_null_or_empty_map_pins_nothing(string text) =>
        Assert.Empty(await OverridesFile.ReadAsync(Write("o.yaml", text)));

    [Fact]
    public async Task Ids_links_and_skip_are_read()
    {
        var path = Write("o.yaml", $"overrides:\n  {Track}: dQw4w9WgXcQ\n  https://open.spotify.com/track/{Other}: skip\n");

        var read = await OverridesFile.ReadAsync(path);

        Assert.Equal(new Dictionary<string, string> { [Track] = "dQw4w9WgXcQ", [Other] = "skip" }, read);
    }

    [Theory]
    [InlineData("overrides:\n  " + Track + ": dQw4w9WgXc\n", 2, "not a YouTube video id")]
    [InlineData("overrides:\n  " + Track + ": dQw4w9WgXcQ\n  notatrack: dQw4w9WgXcQ\n", 3, "not a Spotify track id")]
    [InlineData("overrides:\n  - " + Track + "\n", 2, "expected")]
    [InlineData("download:\n  threads: 2\n", 1, "only overrides:")]
    public async Task A_bad_entry_is_an_error_naming_the_file_and_the_line(string text, int line, string message)
    {
        var path = Write("o.yaml", text);

        var ex = await Assert.ThrowsAsync<ConfigException>(() => OverridesFile.ReadAsync(path));

        Assert.Contains($"{path}:{line}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task A_missing_file_is_an_error_naming_it()
    {
        var path = Path.Combine(_folder.FullName, "absent.yaml");

        var ex = await Assert.ThrowsAsync<ConfigException>(() => OverridesFile.ReadAsync(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_config_names_a_file_beside_it_whose_entries_win_over_its_own()
    {
        Write("review.yaml", $"overrides:\n  {Track}: GnKXjblvqOg\n");
        var config = Write("config.yaml", $"overrides_file: review.yaml\noverrides:\n  {Track}: dQw4w9WgXcQ\n  {Other}: skip\n");

        var loaded = await new ConfigLoader(ConfigTestData.Env(), isWindows: false).LoadAsync(config);

        Assert.Equal(Path.Combine(_folder.FullName, "review.yaml"), loaded.Settings.OverridesFile);
        Assert.Equal(new Dictionary<string, string> { [Track] = "GnKXjblvqOg", [Other] = "skip" }, loaded.Settings.Overrides);
    }

    [Fact]
    public async Task Config_check_names_the_overrides_file_and_shows_its_entries_merged()
    {
        Write("review.yaml", $"overrides:\n  {Track}: GnKXjblvqOg\n");
        var config = Write("config.yaml", "overrides_file: review.yaml\n");
        var loaded = await new ConfigLoader(ConfigTestData.Env(), isWindows: false).LoadAsync(config);

        var text = ConfigRenderer.Render(loaded);

        Assert.Contains("overrides_file: \"" + Path.Combine(_folder.FullName, "review.yaml") + "\"", text, StringComparison.Ordinal);
        Assert.Contains($"\"{Track}\": \"GnKXjblvqOg\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_entry_in_the_configs_overrides_file_fails_the_load()
    {
        Write("review.yaml", $"overrides:\n  {Track}: nope\n");
        var config = Write("config.yaml", "overrides_file: review.yaml\n");

        var ex = await Assert.ThrowsAsync<ConfigException>(() => new ConfigLoader(ConfigTestData.Env(), isWindows: false).LoadAsync(config));

        Assert.Contains("review.yaml:2:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_threshold_is_read_under_download_and_checked()
    {
        Assert.Equal(0.85, new MusicDlSettings().ReviewThreshold);
        Assert.Equal(0.9, ConfigTestData.Parse("download:\n  review_threshold: 0.9\n").Settings.ReviewThreshold);
        Assert.Contains("review_threshold: must be between 0 and 1", ConfigTestData.ParseError("download:\n  review_threshold: 2\n").Message, StringComparison.Ordinal);
    }
}
