using System.CommandLine;

namespace MusicDl.Cli.Commands;

/// <summary><c>musicdl config check [CONFIG]</c>: validate and print the effective settings, secrets masked.</summary>
internal static class ConfigCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("config", "Work with the configuration file.");
        var config = new Argument<FileInfo?>("CONFIG") { Arity = ArgumentArity.ZeroOrOne, Description = "The config file (same as --config)." };
        var check = new Command("check", "Validate the configuration and print the effective settings, secrets masked.");
        check.Arguments.Add(config);
        check.SetAction((parse, ct) => CommandContext.Create(app, parse, parse.GetValue(config)).ConfigCheckAsync(ct));
        command.Subcommands.Add(check);
        return command;
    }
}
