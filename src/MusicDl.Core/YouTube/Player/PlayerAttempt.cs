namespace MusicDl.YouTube.Player;

/// <summary>One client's try: the stream chosen for the format or the failure, and the answer when there was one.</summary>
public sealed record PlayerAttempt(AudioStreamInfo? Stream, PlayerFailure? Failure, PlayerResponse? Response = null);
