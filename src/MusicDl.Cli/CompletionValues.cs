using System.CommandLine;

namespace MusicDl.Cli;

/// <summary>
/// Offers the listed values of every option whose help name lists them (<c>mp3|m4a|...</c>: --format, --overwrite,
/// --lyrics) to shell completion, so a new option with fixed values completes without touching this file.
/// </summary>
internal static class CompletionValues
{
    public static void Attach(Command command) => Attach(command, new HashSet<Option>());

    // Download and sync share option instances: each gets its values once.
    private static void Attach(Command command, HashSet<Option> done)
    {
        foreach (var option in command.Options.Where(done.Add))
        {
            if (option.HelpName is { } names && names.Contains('|', StringComparison.Ordinal) && !names.Contains('<', StringComparison.Ordinal))
            {
                var values = names.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (values.All(v => v.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
                {
                    option.CompletionSources.Add(values);
                }
            }
        }

        foreach (var sub in command.Subcommands)
        {
            Attach(sub, done);
        }
    }
}
