using System.Diagnostics;
using MusicDl.Tests.Harness;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.Cli;

/// <summary>The bash completion script driving the built binary in a real bash: the process is the subject here.</summary>
[Trait("Category", "EndToEnd")]
public sealed class CompletionBinaryTests : IDisposable
{
    private readonly MusicDlSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task The_bash_script_completes_format_values_in_a_real_bash()
    {
        var script = (await _sandbox.RunAsync("completion", "bash")).Stdout;
        // musicdl on PATH as the user has it: here a wrapper around the built binary, in the sandbox.
        var bin = Directory.CreateDirectory(Path.Combine(_sandbox.Root, "bin")).FullName;
        var command = string.Join(' ', MusicDlSandbox.FindCommand().Select(part => $"\"{part}\""));
        ShellTool.Install(Path.Combine(bin, "musicdl"), $"#!/bin/sh\nexec {command} \"$@\"\n");
        var scriptFile = _sandbox.WriteFile("musicdl.bash", script);
        var driver = _sandbox.WriteFile("drive.sh", $$"""
            source "{{scriptFile}}"
            COMP_LINE="musicdl download --format f"
            COMP_POINT=${#COMP_LINE}
            COMP_WORDS=(musicdl download --format f)
            COMP_CWORD=3
            _musicdl_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """);

        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(driver);
        psi.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        psi.Environment["HOME"] = _sandbox.Home;
        using var bash = Process.Start(psi)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal("flac", (await stdout).Trim());
        Assert.Equal(0, bash.ExitCode);
        _ = await stderr;
    }
}
