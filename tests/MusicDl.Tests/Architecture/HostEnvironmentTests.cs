using System.Text.RegularExpressions;

namespace MusicDl.Tests.Architecture;

/// <summary>
/// The process's environment variables are read in one place, Program.Main, and handed down through CliApp: Core
/// (settings, login folder, cache file, tool look-up) is given them, so the CLI can run in process with its own.
/// </summary>
public sealed partial class HostEnvironmentTests
{
    [Fact]
    public void Only_program_main_reads_the_process_environment_variables()
    {
        var src = Path.Combine(CoreLayerTests.RepositoryRoot(), "src");
        var readers = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => EnvironmentRead().IsMatch(Comments().Replace(File.ReadAllText(f), string.Empty)))
            .Select(f => Path.GetRelativePath(src, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(["MusicDl.Cli/Program.cs"], readers);
    }

    [GeneratedRegex(@"GetEnvironmentVariables?\s*\(")]
    private static partial Regex EnvironmentRead();

    [GeneratedRegex(@"/\*.*?\*/|//[^\n]*", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
