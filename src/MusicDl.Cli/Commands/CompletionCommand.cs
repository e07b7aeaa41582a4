using System.CommandLine;
using MusicDl.Output;

namespace MusicDl.Cli.Commands;

/// <summary>
/// <c>musicdl completion bash|zsh|fish|pwsh</c>: prints a completion script for that shell. The scripts ask musicdl
/// itself (System.CommandLine's <c>[suggest:N]</c> directive), so commands, options and values never go stale.
/// </summary>
internal static class CompletionCommand
{
    public static Command Create(CliApp app)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh, fish or pwsh." };
        shell.AcceptOnlyFromAmong(CompletionScripts.Shells.ToArray());
        var command = new Command("completion",
            "Print a shell completion script: eval \"$(musicdl completion bash)\" (see README, \"Shell completion\").");
        command.Arguments.Add(shell);
        command.SetAction(parse =>
        {
            app.Stdout.Write(CompletionScripts.For(parse.GetValue(shell)!));
            app.Stdout.Flush();
            return (int)ExitCode.Ok;
        });
        return command;
    }
}
