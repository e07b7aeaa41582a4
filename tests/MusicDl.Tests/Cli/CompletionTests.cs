namespace MusicDl.Tests.Cli;

/// <summary>
/// <c>musicdl completion SHELL</c> and the <c>[suggest]</c> directive its scripts call back, in process through
/// <see cref="MusicDl.Cli.CliApp"/>; the script driving the real binary in a real bash is in <see cref="CompletionBinaryTests"/>.
/// </summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("bash", "complete -o default -F _musicdl_complete musicdl")]
    [InlineData("zsh", "compdef _musicdl musicdl")]
    [InlineData("fish", "complete -c musicdl")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName musicdl")]
    public async Task Each_shell_gets_a_script_that_registers_musicdl_and_asks_it_for_suggestions(string shell, string registration)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(["completion", shell]);

        Assert.True(code == 0, stderr);
        Assert.Contains(registration, stdout, StringComparison.Ordinal);
        Assert.Contains("[suggest:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_shell_is_bad_usage()
    {
        var (code, _, stderr) = await CliRunner.RunAsync(["completion", "tcsh"]);

        Assert.Equal(2, code);
        Assert.Contains("tcsh", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("do", "doctor", "download")]
    [InlineData("download --format ", "m4a", "flac")]
    [InlineData("sync --overwrite ", "metadata", "skip")]
    [InlineData("download --ov", "--overwrite", null)]
    public async Task Suggest_offers_commands_options_and_the_listed_values(string line, string expected, string? alsoExpected)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync([$"[suggest:{line.Length}]", line]);

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(expected, lines);
        if (alsoExpected is not null)
        {
            Assert.Contains(alsoExpected, lines);
        }
    }
}
