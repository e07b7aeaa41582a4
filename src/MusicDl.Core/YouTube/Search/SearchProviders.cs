namespace MusicDl.YouTube.Search;

/// <summary>The names of the audio providers as <c>audio_providers</c> lists them.</summary>
public static class SearchProviders
{
    public const string YouTubeMusic = "youtube-music";
    public const string YouTube = "youtube";
}
