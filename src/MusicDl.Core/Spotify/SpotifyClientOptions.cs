namespace MusicDl.Spotify;

/// <summary>What a host may inject into the Spotify client; every member has a working default.</summary>
public sealed record SpotifyClientOptions
{
    /// <summary>The HTTP handler (tests point it at the fakes). Must not follow redirects by itself.</summary>
    public HttpMessageHandler? Handler { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Where the login file lives: the host's config folder (<c>$XDG_CONFIG_HOME/musicdl</c> of its environment,
    /// ConfigPaths); Core never reads the process environment for it.
    /// </summary>
    public required string ConfigDirectory { get; init; }

    /// <summary>Per-request timeout (a timeout is retried like a 5xx).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Called each time a refresh finds the login lock held (by this process or another) and starts to wait: the
    /// signal tests await instead of sleeping while another run refreshes.
    /// </summary>
    internal Action? LoginLockBusy { get; init; }

    /// <summary>Where the client says what it cut short or read another way (a source past the item cap, a playlist read from its public page); null: not said.</summary>
    public Microsoft.Extensions.Logging.ILogger? Log { get; init; }
}
