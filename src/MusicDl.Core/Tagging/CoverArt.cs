using System.Security.Cryptography;

namespace MusicDl.Tagging;

/// <summary>An album cover image as embedded in the files.</summary>
public sealed record CoverArt(byte[] Data, string MimeType)
{
    /// <summary>SHA-256 of the image bytes (hex); part of the tag fingerprint.</summary>
    public string Hash { get; } = Convert.ToHexStringLower(SHA256.HashData(Data));

    /// <summary>Reads the image type from its first bytes: JPEG and PNG are what Spotify serves.</summary>
    public static string? DetectMimeType(ReadOnlySpan<byte> data) => data switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        _ => null,
    };
}
