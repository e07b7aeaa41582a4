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

    /// <summary>The most pixels a cover may have a side; a larger one is scaled down (or left out).</summary>
    public const int MaxSide = 4096;

    /// <summary>
    /// Width and height as the image's header gives them (JPEG's start-of-frame, PNG's IHDR), without decoding it;
    /// null when the header does not say.
    /// </summary>
    public static (int Width, int Height)? Dimensions(ReadOnlySpan<byte> data) => DetectMimeType(data) switch
    {
        "image/png" when data.Length >= 24 && data[12..16].SequenceEqual("IHDR"u8) =>
            (ReadInt32BigEndian(data[16..]), ReadInt32BigEndian(data[20..])),
        "image/jpeg" => JpegDimensions(data),
        _ => null,
    };

    private static int ReadInt32BigEndian(ReadOnlySpan<byte> data) =>
        (int)Math.Min(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(data), int.MaxValue);

    // Walks the marker segments up to the first start-of-frame (SOF0-SOF15 but DHT, JPG and DAC, which share the range).
    private static (int Width, int Height)? JpegDimensions(ReadOnlySpan<byte> data)
    {
        var at = 2;
        while (at + 4 <= data.Length)
        {
            if (data[at] != 0xFF)
            {
                return null;
            }

            var marker = data[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2;
                continue;
            }

            if (marker is 0xDA or 0xD9)
            {
                return null;
            }

            var length = (data[at + 2] << 8) | data[at + 3];
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                return at + 9 <= data.Length ? ((data[at + 7] << 8) | data[at + 8], (data[at + 5] << 8) | data[at + 6]) : null;
            }

            if (length < 2)
            {
                return null;
            }

            at += 2 + length;
        }

        return null;
    }

    private static ReadOnlySpan<byte> JpegEnd => [0xFF, 0xD9];

    // The IEND chunk: zero length, its type, its CRC.
    private static ReadOnlySpan<byte> PngEnd => [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
}
