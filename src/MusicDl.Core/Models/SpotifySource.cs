namespace MusicDl.Models;

/// <summary>A source a user asked for: what it is, its id, and the text it came from.</summary>
public sealed record SpotifySource(SourceKind Kind, string? Id, string Original)
{
    /// <summary>The canonical URI: <c>spotify:playlist:ID</c>, or <c>spotify:collection:tracks</c> for Liked Songs.</summary>
    public string Uri => Kind switch
    {
        SourceKind.LikedSongs => "spotify:collection:tracks",
        SourceKind.ShortLink => Original,
        _ => $"spotify:{Kind.ToString().ToLowerInvariant()}:{Id}",
    };

    public override string ToString() => Uri;
}
