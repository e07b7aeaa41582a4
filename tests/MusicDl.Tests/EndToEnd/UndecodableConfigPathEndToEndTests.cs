using System.Diagnostics;
using MusicDl.Tests.Harness;

namespace MusicDl.Tests.EndToEnd;

/// <summary>Issue 25: a config file named in Latin-1 bytes is found under LANG=C, by --config and by MUSICDL_CONFIG.</summary>
[Trait("Category", "EndToEnd")]
public sealed class UndecodableConfigPathEndToEndTests : IDisposable
{
    private readonly MusicDlSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Theory]
    [InlineData("argument")]
    [InlineData("variable")]
    public async Task A_config_named_in_latin1_bytes_is_found_under_lang_c(string how)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // "café.yaml" with é as the single byte 0xE9: not UTF-8, so no .NET string names it.
        using (var make = Process.Start(new ProcessStartInfo("sh", ["-c", "printf 'download:\\n  threads: 7\\n' > \"$(printf 'caf\\351.yaml')\""]) { WorkingDirectory = _sandbox.WorkDir })!)
        {
            await make.WaitForExitAsync();
            Assert.Equal(0, make.ExitCode);
        }

        _sandbox.Environment["LANG"] = "C";
        _sandbox.Environment["LC_ALL"] = "C";
        _sandbox.ShellScript = how == "argument"
            ? "exec \"$@\" \"$(printf 'caf\\351.yaml')\""
            : "MUSICDL_CONFIG=\"$PWD/$(printf 'caf\\351.yaml')\" exec \"$@\"";

        var result = await _sandbox.RunAsync("config", "check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("threads: 7", result.Stdout, StringComparison.Ordinal);
    }
}
