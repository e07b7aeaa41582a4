namespace MusicDl.Library;

/// <summary>
/// The parts of a placed file that may be missing when it was placed (a cover that could not be fetched, lyrics
/// later). The state records the missing ones per file (<see cref="PlacedFile.MissingParts"/>); a file with any is
/// "incomplete" and is re-tagged on the next run, in skip mode too, without downloading it again.
/// </summary>
public static class FileParts
{
    /// <summary>The album cover: the album has one, but it could not be fetched.</summary>
    public const string Cover = "cover";

    /// <summary>The lyrics: the track has them, but they could not be fetched.</summary>
    public const string Lyrics = "lyrics";

    /// <summary>MusicBrainz's ids (and genres): the service could not be asked.</summary>
    public const string MusicBrainz = "musicbrainz";

    /// <summary>
    /// Spotify's details (ISRC, album, track numbers): the track was read from a public page. A run with the Web API
    /// completes them; a run without it has nothing to add.
    /// </summary>
    public const string Details = "details";

    /// <summary>
    /// ReplayGain's album gain: the file belongs to an album its run placed whole, and the album pass has not yet
    /// written the album's value into it (a signal cut the pass short). The next run completes the album, no download.
    /// </summary>
    public const string AlbumGain = "album gain";
}
