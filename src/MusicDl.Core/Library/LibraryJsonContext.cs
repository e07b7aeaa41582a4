using System.Text.Json.Serialization;

namespace MusicDl.Library;

/// <summary>Serialises the library's cache values (file_existence holds a bool per absolute path) and the track ids of a state read.</summary>
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class LibraryJsonContext : JsonSerializerContext;
