namespace MusicDl.YouTube.Player;

/// <summary>
/// A pre-roll ad of a player answer: YouTube refuses the media URLs (403) until it would have played.
/// <see cref="Length"/> is null when the answer announced an ad without saying how long it is.
/// </summary>
public sealed record PreRollAd(TimeSpan? Length);
