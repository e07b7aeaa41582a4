using MusicDl.Models;

namespace MusicDl.Configuration;

/// <summary>One entry of the config's <c>songs</c>, <c>albums</c>, <c>playlists</c> or <c>artists</c> lists (<c>- name: url</c>).</summary>
public sealed record ConfigSource(ConfigListKind Kind, string Name, SpotifySource Source, int Line);
