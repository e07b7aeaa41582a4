using MusicDl.YouTube.Search;

namespace MusicDl.YouTube.Matching;

/// <summary>
/// One <c>overrides:</c> value: a video id (or a watch / youtu.be URL) the track is pinned to, or "skip".
/// </summary>
public sealed record MatchOverride(string? VideoId)
{
    public const string SkipWord = "skip";

    public bool Skip => VideoId is null;

    /// <summary>Reads an override value; throws <see cref="FormatException"/> with a one-line message when it is neither.</summary>
    public static MatchOverride Parse(string trackId, string value)
    {
        var v = value?.Trim() ?? string.Empty;
        if (string.Equals(v, SkipWord, StringComparison.OrdinalIgnoreCase))
        {
            return new MatchOverride((string?)null);
        }

        if (YouTubeVideoId.IsValid(v))
        {
            return new MatchOverride(v);
        }

        if (Uri.TryCreate(v, UriKind.Absolute, out var uri) && FromUrl(uri) is { } id)
        {
            return new MatchOverride(id);
        }

        throw new FormatException($"Override for track {trackId}: '{v}' is neither a YouTube video id, a watch URL nor '{SkipWord}'.");
    }

    private static string? FromUrl(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        if (host == "youtu.be")
        {
            var id = uri.AbsolutePath.Trim('/');
            return YouTubeVideoId.IsValid(id) ? id : null;
        }

        if (host.EndsWith("youtube.com", StringComparison.Ordinal))
        {
            foreach (var pair in uri.Query.TrimStart('?').Split('&'))
            {
                if (pair.StartsWith("v=", StringComparison.Ordinal) && YouTubeVideoId.IsValid(pair[2..]))
                {
                    return pair[2..];
                }
            }
        }

        return null;
    }
}
