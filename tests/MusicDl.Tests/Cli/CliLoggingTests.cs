using Microsoft.Extensions.Logging;
using MusicDl.Cli;

namespace MusicDl.Tests.Cli;

public sealed class CliLoggingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("musicdl-logging-").FullName;

    private string LogFile => Path.Combine(_folder, "musicdl.log");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Quiet_keeps_information_off_the_terminal_but_in_the_log_file()
    {
        using var stderr = new StringWriter();
        using (var logging = new CliLogging(stderr, new SecretList(), verbose: false, quiet: true, new FileInfo(LogFile)))
        {
            var log = logging.Factory.CreateLogger("library");
            log.LogInformation("Waiting for the library lock held by pid {Pid}", 42);
            log.LogWarning("the cache file is busy");
            log.LogDebug("a candidate");
        }

        Assert.Equal("WRN the cache file is busy\n", stderr.ToString().ReplaceLineEndings("\n"));
        var file = File.ReadAllText(LogFile);
        Assert.Contains("INF Waiting for the library lock held by pid 42", file, StringComparison.Ordinal);
        Assert.Contains("WRN the cache file is busy", file, StringComparison.Ordinal);
        Assert.DoesNotContain("a candidate", file, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_quiet_the_terminal_gets_information_too()
    {
        using var stderr = new StringWriter();
        using (var logging = new CliLogging(stderr, new SecretList(), verbose: false, quiet: false, logFile: null))
        {
            logging.Factory.CreateLogger("library").LogInformation("Waiting for the library lock held by pid {Pid}", 42);
        }

        Assert.Equal("INF Waiting for the library lock held by pid 42\n", stderr.ToString().ReplaceLineEndings("\n"));
    }
}
