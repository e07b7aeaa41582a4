using MusicDl.YouTube.Player;

namespace MusicDl.YouTube.Download;

/// <summary>Either a downloaded file or one classified failure, plus every attempt's failure in order.</summary>
public sealed record AudioDownloadResult
{
    public DownloadedAudio? Audio { get; init; }

    public PlayerFailure? Failure { get; init; }

    public IReadOnlyList<PlayerFailure> Attempts { get; init; } = [];

    public bool Succeeded => Audio is not null;
}
