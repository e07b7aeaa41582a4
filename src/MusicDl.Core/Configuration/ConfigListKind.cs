namespace MusicDl.Configuration;

/// <summary>The config list a source was listed in.</summary>
public enum ConfigListKind
{
    Songs,
    Albums,
    Playlists,
    Artists,
}
