using System.CommandLine;

namespace MusicDl.Cli.Commands;

/// <summary><c>musicdl auth login|status|logout</c>: Spotify user login (Authorization Code with PKCE).</summary>
internal static class AuthCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("auth", "Spotify user login, needed for your playlists' items and Liked Songs.");

        var login = new Command("login", "Log in to Spotify in a browser (or paste the redirected URL back on a headless machine).");
        login.SetAction((parse, ct) => CommandContext.Create(app, parse, null).AuthLoginAsync(ct));

        var status = new Command("status", "Show who is logged in and the granted scopes.");
        status.SetAction((parse, ct) => CommandContext.Create(app, parse, null).AuthStatusAsync(ct));

        var logout = new Command("logout", "Forget the stored login.");
        logout.SetAction((parse, ct) => CommandContext.Create(app, parse, null).AuthLogoutAsync(ct));

        command.Subcommands.Add(login);
        command.Subcommands.Add(status);
        command.Subcommands.Add(logout);
        return command;
    }
}
