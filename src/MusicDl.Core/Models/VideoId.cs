using System.Diagnostics.CodeAnalysis;

namespace MusicDl.Models;

/// <summary>
/// A YouTube video id (11 characters of A-Z a-z 0-9 _ -), validated, and the one place its watch URL is made.
/// Matches, candidates and the cache keep the id as text (their stored shape); they make URLs through this type.
/// </summary>
public readonly record struct VideoId
{
    public const int Length = 11;

    private static readonly Uri YouTube = new("https://www.youtube.com/");

    private VideoId(string value) => Value = value;

    public string Value { get; }

    /// <summary>The video's watch page on youtube.com (the file's source URL tag, the report's link).</summary>
    public string WatchUrl => WatchUrlOn(YouTube);

    /// <summary>The watch page on another YouTube base (the fakes' in tests, yt-dlp's target).</summary>
    public string WatchUrlOn(Uri youTubeBase)
    {
        ArgumentNullException.ThrowIfNull(youTubeBase);
        return youTubeBase.AbsoluteUri.TrimEnd('/') + "/watch?v=" + Value;
    }

    public static bool IsValid([NotNullWhen(true)] string? text)
    {
        if (text is null || text.Length != Length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    public static VideoId? TryParse(string? text) => IsValid(text) ? new VideoId(text) : null;

    /// <summary>The id, or an <see cref="ArgumentException"/> naming what was given: a caller's bug, not an answer.</summary>
    public static VideoId Require(string? text) =>
        TryParse(text) ?? throw new ArgumentException($"'{text}' is not a YouTube video id (11 characters of letters, digits, '_' and '-').", nameof(text));

    /// <summary>
    /// The watch URL of an id kept as text (a match, a candidate, a cache entry), or null for none. Not validated
    /// again: a URL is only shown or tagged; the id is checked where it is used to ask YouTube (<see cref="Require"/>).
    /// </summary>
    public static string? WatchUrlOf(string? text) => text is null ? null : new VideoId(text).WatchUrl;

    public override string ToString() => Value ?? string.Empty;
}
