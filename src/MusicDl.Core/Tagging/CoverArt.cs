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

    /// <summary>
    /// True when the image ends as a whole one of its type does (JPEG's end-of-image marker, PNG's IEND chunk; zero
    /// padding after it allowed): a body cut short but answered as complete (200, matching Content-Length) is no cover,
    /// else it would be cached and embedded in every track of the album, and never completed.
    /// </summary>
    public static bool IsWhole(ReadOnlySpan<byte> data)
    {
        var end = data.TrimEnd((byte)0);
        return DetectMimeType(data) switch
        {
            "image/jpeg" => end.EndsWith(JpegEnd),
            "image/png" => end.EndsWith(PngEnd),
            _ => false,
        };
    }

    private static ReadOnlySpan<byte> JpegEnd => [0xFF, 0xD9];

    // The IEND chunk: zero length, its type, its CRC.
    private static ReadOnlySpan<byte> PngEnd => [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
}
