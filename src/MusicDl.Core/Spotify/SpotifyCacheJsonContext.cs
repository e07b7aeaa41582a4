using System.Text.Json.Serialization;
using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>Source-generated serialisation of what the Spotify client keeps in the cache and the login file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SourceEntry))]
[JsonSerializable(typeof(AlbumInfo))]
[JsonSerializable(typeof(IReadOnlyList<SourceEntry>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(SpotifyArtist))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(SpotifyPlaylist))]
[JsonSerializable(typeof(CachedPlaylist))]
[JsonSerializable(typeof(SpotifyAlbum))]
[JsonSerializable(typeof(SpotifyLikedSongs))]
[JsonSerializable(typeof(SpotifyAccessToken))]
[JsonSerializable(typeof(SavedLogin))]
internal sealed partial class SpotifyCacheJsonContext : JsonSerializerContext;
