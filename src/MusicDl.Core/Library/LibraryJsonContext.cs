using System.Text.Json.Serialization;

namespace MusicDl.Library;

/// <summary>Serialises the library's cache values (file_existence holds a bool per absolute path).</summary>
[JsonSerializable(typeof(bool))]
internal sealed partial class LibraryJsonContext : JsonSerializerContext;
