namespace MusicDl.Tests.TestSupport;

/// <summary>
/// The test process's own surroundings, for the Core calls that take them from their host (Core reads no process
/// environment): the tests are that host here, as Program.Main is for the binary.
/// </summary>
internal static class TestHost
{
    /// <summary>This process's PATH: where the tests' ffmpeg and ffprobe are found.</summary>
    public static string? PathVariable => Environment.GetEnvironmentVariable("PATH");
}
