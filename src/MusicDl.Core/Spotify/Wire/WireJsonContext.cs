using System.Text.Json.Serialization;

namespace MusicDl.Spotify.Wire;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(WireTrack))]
[JsonSerializable(typeof(WireAlbum))]
[JsonSerializable(typeof(WireArtist))]
[JsonSerializable(typeof(WirePlaylist))]
[JsonSerializable(typeof(WirePaging<WireTrack>))]
[JsonSerializable(typeof(WirePaging<WireAlbum>))]
[JsonSerializable(typeof(WirePaging<WirePlaylistItem>))]
[JsonSerializable(typeof(WirePaging<WireSavedTrack>))]
[JsonSerializable(typeof(WireToken))]
[JsonSerializable(typeof(WireUser))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
