namespace MusicDl.YouTube.Player;

/// <summary>The first client whose answer had a usable stream for the format, or the failures of all of them.</summary>
public sealed record PlayerResolution
{
    public AudioStreamInfo? Stream { get; init; }

    /// <summary>The client (settings name) that yielded <see cref="Stream"/>.</summary>
    public string? Client { get; init; }

    /// <summary>Every client's failure, in the order tried (also the ones before a success).</summary>
    public IReadOnlyList<PlayerFailure> Failures { get; init; } = [];

    public bool Succeeded => Stream is not null;
}
