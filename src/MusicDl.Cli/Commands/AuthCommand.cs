using System.CommandLine;
using MusicDl.Configuration;
using MusicDl.Output;
using MusicDl.Spotify;

namespace MusicDl.Cli.Commands;

/// <summary><c>musicdl auth login|status|logout</c>: Spotify user login (Authorization Code with PKCE).</summary>
internal static class AuthCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("auth", "Spotify user login, needed for your playlists' items and Liked Songs.");

        var login = new Command("login", "Log in to Spotify in a browser (or paste the redirected URL back on a headless machine).");
        login.SetAction((parse, ct) => LoginAsync(app, parse, ct));

        var status = new Command("status", "Show who is logged in and the granted scopes.");
        status.SetAction((parse, ct) => StatusAsync(app, parse, ct));

        var logout = new Command("logout", "Forget the stored login.");
        logout.SetAction((parse, ct) => LogoutAsync(app, parse, ct));

        command.Subcommands.Add(login);
        command.Subcommands.Add(status);
        command.Subcommands.Add(logout);
        return command;
    }

    private static async Task<int> LoginAsync(CliApp app, ParseResult parse, CancellationToken cancellationToken)
    {
        using var invocation = Invocation.Create(app, parse, positionalConfig: null);
        using var login = await OpenAsync(invocation, cancellationToken);
        var attempt = login.Begin();
        var stderr = invocation.Stderr;
        stderr.WriteLine($"Register this redirect URI in your Spotify app's dashboard: {login.RedirectUri}");
        stderr.WriteLine("Open this URL in a browser and allow access:");
        stderr.WriteLine();
        stderr.WriteLine($"  {attempt.AuthorizeUrl}");
        stderr.WriteLine();
        stderr.WriteLine("Waiting for the browser to come back. On a machine without a browser, open the URL elsewhere and paste here the address it was sent to:");
        stderr.Flush();
        var user = await login.LoginAsync(attempt, ct => app.Stdin.ReadLineAsync(ct).AsTask(), cancellationToken);
        invocation.Stdout.WriteLine($"logged in as {user.DisplayName ?? user.Id} ({user.Id}); scopes: {string.Join(' ', user.Scopes)}");
        return (int)ExitCode.Ok;
    }

    private static async Task<int> StatusAsync(CliApp app, ParseResult parse, CancellationToken cancellationToken)
    {
        using var invocation = Invocation.Create(app, parse, positionalConfig: null);
        using var login = await OpenAsync(invocation, cancellationToken);
        if (!login.IsLoggedIn)
        {
            invocation.Stdout.WriteLine("not logged in (musicdl auth login)");
            return (int)ExitCode.Ok;
        }

        var user = await login.GetStatusAsync(cancellationToken);
        invocation.Stdout.WriteLine(user is null
            ? "not logged in (musicdl auth login)"
            : $"logged in as {user.DisplayName ?? user.Id} ({user.Id}); scopes: {string.Join(' ', user.Scopes)}");
        return (int)ExitCode.Ok;
    }

    private static async Task<int> LogoutAsync(CliApp app, ParseResult parse, CancellationToken cancellationToken)
    {
        using var invocation = Invocation.Create(app, parse, positionalConfig: null);
        using var login = await OpenAsync(invocation, cancellationToken);
        invocation.Stdout.WriteLine(login.Logout() ? "logged out" : "was not logged in");
        return (int)ExitCode.Ok;
    }

    /// <summary>Every auth command needs the app's client id; the login file lives beside the config file.</summary>
    private static async Task<SpotifyLogin> OpenAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var settings = await invocation.LoadSettingsAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            throw new UsageException("auth needs a Spotify client id: set client_id in the config or SPOTIFY_CLIENT_ID.");
        }

        return new SpotifyLogin(settings, invocation.SpotifyOptions());
    }
}
