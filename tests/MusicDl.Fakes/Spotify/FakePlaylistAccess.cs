namespace MusicDl.Fakes.Spotify;

/// <summary>Who may read a playlist's items under the 2026 Development Mode rules.</summary>
public enum FakePlaylistAccess
{
    /// <summary>Any token reads the items (apps with extended quota, or the pre-2026 rules).</summary>
    Anyone,

    /// <summary>Only a user token of the owner or a collaborator; client credentials get 403.</summary>
    OwnerOrCollaborator,

    /// <summary>Spotify-made: 404 for everyone.</summary>
    Editorial,
}
