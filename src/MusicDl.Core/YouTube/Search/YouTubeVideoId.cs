using System.Diagnostics.CodeAnalysis;

namespace MusicDl.YouTube.Search;

/// <summary>A YouTube video id (11 characters of A-Z, a-z, 0-9, '-' and '_'), validated.</summary>
public readonly record struct YouTubeVideoId
{
    public const int Length = 11;

    private YouTubeVideoId(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid([NotNullWhen(true)] string? text)
    {
        if (text is null || text.Length != Length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    public static YouTubeVideoId? TryParse(string? text) => IsValid(text) ? new YouTubeVideoId(text) : null;

    public static YouTubeVideoId Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a YouTube video id (11 letters, digits, '-' or '_').");

    public override string ToString() => Value ?? string.Empty;
}
