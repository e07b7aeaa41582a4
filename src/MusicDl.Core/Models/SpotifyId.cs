using System.Diagnostics.CodeAnalysis;

namespace MusicDl.Models;

/// <summary>A Spotify base62 id (22 characters), validated.</summary>
public readonly record struct SpotifyId
{
    public const int Length = 22;

    private SpotifyId(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid([NotNullWhen(true)] string? text)
    {
        if (text is null || text.Length != Length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static SpotifyId? TryParse(string? text) => IsValid(text) ? new SpotifyId(text) : null;

    public static SpotifyId Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a Spotify id (22 letters and digits).");

    public override string ToString() => Value ?? string.Empty;
}
