using MusicDl.Lyrics;
using MusicDl.MusicBrainz;

namespace MusicDl.Downloading;

/// <summary>
/// What the optional services added to a track: lyrics, MusicBrainz ids, and the services that could not answer
/// (<see cref="Missing"/>: the file lacks what they would have given, and a later run should try again).
/// </summary>
public sealed record TrackExtras(TrackLyrics? Lyrics, MusicBrainzIds? MusicBrainz, IReadOnlyList<string> Missing)
{
    public static TrackExtras None { get; } = new(null, null, []);

    public bool IsIncomplete => Missing.Count > 0;
}
