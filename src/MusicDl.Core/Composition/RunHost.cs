using Microsoft.Extensions.Logging;
using MusicDl.Configuration;
using MusicDl.Spotify;

namespace MusicDl.Composition;

/// <summary>
/// What a run gets from the host that starts it, besides its settings: logging, the run's clock, the PATH its tools
/// are looked for on (Core reads no process environment), the folder of the saved Spotify login, and, for tests, a
/// handler Spotify's requests go through. The composition root derives every client's options from this and the
/// settings, once.
/// </summary>
public sealed record RunHost(ILoggerFactory Loggers, string LoginDirectory)
{
    /// <summary>The run's one clock: timeouts, back-off, pacing, the run's elapsed time.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The host's PATH, or null for none.</summary>
    public string? PathVariable { get; init; }

    /// <summary>Spotify's requests go through this handler instead of sockets (tests).</summary>
    public HttpMessageHandler? SpotifyHandler { get; init; }

    /// <summary>The Spotify client's options for a run with <paramref name="settings"/>: derived here only.</summary>
    public SpotifyClientOptions SpotifyOptions(MusicDlSettings settings) => new()
    {
        ConfigDirectory = LoginDirectory,
        TimeProvider = Time,
        Handler = SpotifyHandler,
        RequestTimeout = (settings ?? throw new ArgumentNullException(nameof(settings))).RequestTimeout,
        Log = Loggers.CreateLogger("spotify"),
    };
}
