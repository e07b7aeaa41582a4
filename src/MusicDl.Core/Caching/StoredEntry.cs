using System.Text;

namespace MusicDl.Caching;

/// <summary>An entry as the persistent and shared layers hold it: the value's JSON (null when negative) and its expiry.</summary>
internal readonly record struct StoredEntry(string? Json, bool Negative, DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// An entry read from the cache file as its UTF-8 bytes: deserialised from them with no UTF-16 copy (a 10,000-track
    /// playlist is 12 MB of JSON; as a string it would be 24 MB more, then transcoded back to UTF-8 to be parsed).
    /// </summary>
    public static StoredEntry FromUtf8(byte[]? utf8, bool negative, DateTimeOffset expiresAt) =>
        new(null, negative, expiresAt) { Utf8 = utf8 };

    /// <summary>The JSON's UTF-8 bytes when the entry was read as bytes, else null (then <see cref="Json"/> holds it).</summary>
    public byte[]? Utf8 { get; private init; }

    public string? Json
    {
        get => field ?? (Utf8 is null ? null : Encoding.UTF8.GetString(Utf8));
        init;
    } = Json;
}
