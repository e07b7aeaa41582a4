namespace MusicDl.Tagging;

/// <summary>Names of the fields no format has a standard frame for (Picard's names where one exists).</summary>
internal static class CustomTagNames
{
    /// <summary>The artists list in Vorbis comments and MP4 freeform atoms.</summary>
    public const string Artists = "ARTISTS";

    /// <summary>The artists list in ID3 (Picard's <c>TXXX:Artists</c>).</summary>
    public const string Id3Artists = "Artists";
    public const string ReleaseDate = "RELEASEDATE";
    public const string Label = "LABEL";
    public const string Explicit = "ITUNESADVISORY";
    public const string SpotifyUrl = "SPOTIFY_URL";
    public const string SourceUrl = "YOUTUBE_URL";
    public const string AppleMean = "com.apple.iTunes";
}
