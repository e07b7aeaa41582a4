using System.CommandLine;
using MusicDl.Caching;
using MusicDl.Diagnostics;
using MusicDl.Output;

namespace MusicDl.Cli.Commands;

/// <summary><c>musicdl doctor [--json]</c>: what in the set-up would stop or hinder a download; Core checks, this prints.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("doctor",
            "Check the set-up: ffmpeg, yt-dlp, Spotify credentials and login, the services, the output folder, the lock and the cache. " +
            "Exit 0 when downloads can run (warnings allowed), 3 when something blocks them.");
        command.Options.Add(app.Options.Json);
        command.Options.Add(app.Options.RequestTimeout);
        command.Options.Add(app.Options.OutputDir);
        command.Options.Add(app.Options.CacheFile);
        command.Options.Add(app.Options.SpotifyAccess);
        command.SetAction((parse, ct) => ExecuteAsync(app, parse, ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliApp app, ParseResult parse, CancellationToken cancellationToken)
    {
        using var invocation = Invocation.Create(app, parse, positionalConfig: null);
        var settings = await invocation.LoadSettingsAsync(cancellationToken);
        var context = new DoctorContext
        {
            LoginDirectory = invocation.SpotifyOptions().ConfigDirectory,
            DefaultCacheFile = app.DefaultCacheFile(),
            PathVariable = app.PathVariable,
            TimeProvider = app.Time,
        };
        var report = await new Doctor(settings, context).RunAsync(cancellationToken);
        var stdout = invocation.Stdout;
        if (parse.GetValue(app.Options.Json))
        {
            stdout.WriteLine(OutputJson.Doctor(report.Checks, report.ExitCode));
        }
        else
        {
            var width = report.Checks.Max(c => c.Name.Length);
            foreach (var check in report.Checks)
            {
                var state = check.State switch { CheckState.Ok => "ok", CheckState.Warning => "warning", _ => "PROBLEM" };
                var hint = check.Hint is null ? string.Empty : $" -> {check.Hint}";
                stdout.WriteLine($"{state,-8} {check.Name.PadRight(width)}  {check.Detail}{hint}");
            }

            var problems = report.Checks.Where(c => c.State == CheckState.Problem).Select(c => c.Name).ToList();
            invocation.Stderr.WriteLine(problems.Count == 0
                ? "musicdl doctor: downloads can run"
                : $"musicdl doctor: downloads are blocked by: {string.Join(", ", problems)}");
        }

        stdout.Flush();
        return (int)report.ExitCode;
    }
}
