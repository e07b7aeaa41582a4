using System.Globalization;
using MusicDl.Models;
using MusicDl.YouTube.Search;

namespace MusicDl.YouTube.Matching;

/// <summary>
/// Scores a search candidate against a Spotify track; a pure function. The weights and gates are
/// explained in docs/matching.md. A score of <see cref="CertainScore"/> or more ends the search early.
/// </summary>
public static class MatchScorer
{
    public const double TitleWeight = 0.40;
    public const double ArtistWeight = 0.30;
    public const double DurationWeight = 0.20;
    public const double AlbumWeight = 0.05;
    public const double SongWeight = 0.05;

    /// <summary>The rejection of an item YouTube Music greys out (shown in <c>match --explain</c>).</summary>
    public const string GreyedOutReason = "skipped: greyed out on YouTube Music, it cannot be played";

    /// <summary>At or above this the candidate is taken without asking further searches.</summary>
    public const double CertainScore = 0.90;

    /// <summary>Below this title similarity the candidate is another song.</summary>
    public const double MinTitle = 0.85;

    /// <summary>Below this artist similarity the candidate is someone else's recording.</summary>
    public const double MinArtist = 0.45;

    /// <summary>Beyond this the candidate is another cut (intro, outro, extended).</summary>
    public static readonly TimeSpan MaxDurationDifference = TimeSpan.FromSeconds(30);

    /// <summary>Within this the candidate can be the Spotify recording itself (same master, other silence).</summary>
    public static readonly TimeSpan SameRecordingDifference = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The artist part an album song earns by its album, title and length alone when its artist is written in
    /// another script ("יואב" for "Yoav"): enough to pass, not enough to be certain without the ISRC.
    /// </summary>
    public const double ArtistByAlbum = 0.6;

    // An artist (or album) counts as "in common" from this similarity on.
    private const double InCommon = 0.8;

    // Filler beside a version word ("Live at ...", "... Session").
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "at", "in", "on", "of", "from", "a", "an", "for", "to", "de", "la", "le", "mix", "session", "sessions",
    };

    private static readonly HashSet<string> NeutralWords = new(StringComparer.Ordinal)
    {
        "remaster", "remastered", "version", "edit", "radio", "single", "album", "mono", "stereo", "original",
        "bonus", "track", "deluxe", "explicit", "clean", "lyrics", "lyric", "audio", "video", "official", "hd", "hq",
        "mv", "from", "soundtrack", "ost", "music",
    };

    /// <param name="track">The Spotify track.</param>
    /// <param name="candidate">A search result.</param>
    /// <param name="fromIsrcSearch">The candidate came from searching the track's ISRC.</param>
    public static MatchScore Score(Track track, SearchCandidate candidate, bool fromIsrcSearch = false)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(candidate);

        var artistWords = track.Artists.Select(a => TextNormalizer.Words(a.Name)).Where(w => w.Count > 0).ToList();
        var candidateArtists = candidate.Artists.Select(a => TextNormalizer.Words(StripChannelDecoration(a))).Where(w => w.Count > 0).ToList();

        var title = TitleSimilarity(track, candidate, artistWords, candidateArtists);
        var (artist, artistInCommon) = ArtistSimilarity(artistWords, candidateArtists, TextNormalizer.Words(candidate.Title));
        var durationDiff = candidate.Duration is { } d && track.DurationMs > 0 ? (TimeSpan?)(d - track.Duration).Duration() : null;
        var duration = durationDiff is { } diff ? Math.Max(0, 1 - (Math.Max(0, diff.TotalSeconds - 2) / 25)) : 0.5;
        var album = candidate.Album is { } a
            && Similarity.Of(TitleWords(track.Album.Name), TitleWords(a)) >= InCommon;
        var sameTitleAndLength = title >= 0.999 && durationDiff <= SameRecordingDifference;

        // Album, title and length agree on an album song: that recording, whatever script its artist is
        // written in (the album carries the artist; a cover sits on another album).
        var artistByAlbum = candidate.IsSong && album && sameTitleAndLength && artist < ArtistByAlbum;
        if (artistByAlbum)
        {
            artist = ArtistByAlbum;
        }

        // An ISRC search that returns an audio track of the same length is that recording, even when
        // the title is written in another script or the artist under another name.
        var isrcHit = fromIsrcSearch && candidate.IsSong && durationDiff is { TotalSeconds: <= 3 } && Math.Max(title, artist) >= 0.3;

        // Greyed out by YouTube Music (no play button, no video type): it cannot be played, however well it fits.
        if (candidate.GreyedOut)
        {
            return MatchScore.Rejected(GreyedOutReason, title, artist, duration);
        }

        var wrongVersion = VersionWords.Unrequested(track.Title + " " + track.Album.Name, candidate.Title)
            .Concat(VersionWords.Unrequested(candidate.Title + " " + candidate.Album, track.Title))
            .ToList();
        if (wrongVersion.Count > 0)
        {
            return MatchScore.Rejected($"other version ({string.Join(", ", wrongVersion.Distinct())})", title, artist, duration);
        }

        if (MissingVersionDetail(track, candidate) is { } missing)
        {
            return MatchScore.Rejected($"other version (no '{missing}')", title, artist, duration);
        }

        if (!SameNumbers(track.Title, candidate.Title))
        {
            return MatchScore.Rejected("numbers in the title differ", title, artist, duration);
        }

        if (durationDiff > MaxDurationDifference)
        {
            return MatchScore.Rejected($"duration differs by {durationDiff.Value.TotalSeconds:0} s", title, artist, duration);
        }

        if (!isrcHit && title < MinTitle)
        {
            return MatchScore.Rejected("title differs", title, artist, duration);
        }

        if (!isrcHit && artist < MinArtist)
        {
            return MatchScore.Rejected("artist differs", title, artist, duration);
        }

        var value = (TitleWeight * title) + (ArtistWeight * artist) + (DurationWeight * duration)
            + (album ? AlbumWeight : 0) + (candidate.IsSong ? SongWeight : 0);

        // The explicit badge is reliable on audio tracks only; a mismatch there means the other edit.
        var explicitMismatch = candidate.IsSong && candidate.Explicit != track.Explicit;
        if (explicitMismatch)
        {
            value -= 0.05;
        }

        if (isrcHit)
        {
            value = Math.Max(value + 0.15, CertainScore);
        }

        return new MatchScore(Math.Clamp(Math.Round(value, 4), 0, 1), title, artist, duration, album, null)
        {
            SameRecording = sameTitleAndLength && (artistInCommon || album || isrcHit) && !explicitMismatch,
            ArtistByAlbum = artistByAlbum,
            IsrcHit = isrcHit,
            ExplicitMismatch = explicitMismatch,
        };
    }

    private static double TitleSimilarity(
        Track track, SearchCandidate candidate, List<IReadOnlyList<string>> artistWords, List<IReadOnlyList<string>> candidateArtists)
    {
        var spotify = new[] { TitleWords(track.Title), TitleWords(MainPart(track.Title)) };
        var full = TitleWords(candidate.Title);

        // Video titles often read "Artist - Title": drop artist words the Spotify title does not have.
        var spotifyWords = spotify[0].ToHashSet(StringComparer.Ordinal);
        var foreign = artistWords.Concat(candidateArtists).SelectMany(w => w).Where(w => !spotifyWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
        var offered = new List<IReadOnlyList<string>> { full, full.Where(w => !foreign.Contains(w)).ToArray() };
        offered.AddRange(candidate.Title.Split(" - ", StringSplitOptions.RemoveEmptyEntries).Select(p => TitleWords(MainPart(p))));

        return spotify.Where(s => s.Count > 0)
            .SelectMany(s => offered.Where(c => c.Count > 0).Select(c => Similarity.Of(s, c)))
            .DefaultIfEmpty(0)
            .Max();
    }

    /// <summary>The artist part, and whether one Spotify artist is clearly among the candidate's (or named in its title).</summary>
    private static (double Score, bool InCommon) ArtistSimilarity(
        List<IReadOnlyList<string>> spotify, List<IReadOnlyList<string>> candidate, IReadOnlyList<string> titleWords)
    {
        if (spotify.Count == 0)
        {
            return (0.5, false);
        }

        var candidateAll = candidate.SelectMany(w => w).ToArray();
        double Best(IReadOnlyList<string> artist)
        {
            var best = candidate.Select(c => Similarity.Of(artist, c)).DefaultIfEmpty(0).Max();
            // "A & B" as one unlinked name, or the artist named only in a video's title.
            best = Math.Max(best, Similarity.Coverage(artist, candidateAll));
            return Math.Max(best, Similarity.Coverage(artist, titleWords) >= 1 ? 1 : 0);
        }

        var scores = spotify.Select(Best).ToList();
        // YouTube Music often lists only the main artist: featured ones weigh little.
        var main = Math.Max(scores[0], scores.Skip(1).DefaultIfEmpty(0).Max() * 0.9);
        var score = scores.Count == 1 ? main : (0.8 * main) + (0.2 * scores.Skip(1).Average());
        return (score, scores.Max() >= InCommon);
    }

    /// <summary>
    /// A version the Spotify title asks for must be that one: "Titanium - Alesso Remix" is not the
    /// David Guetta remix, "Live at Wembley" is not another concert. The words beside the version word
    /// (remixer, venue) must appear in the candidate's title, album or artists.
    /// </summary>
    private static string? MissingVersionDetail(Track track, SearchCandidate candidate)
    {
        if (VersionWords.In(track.Title).Count == 0)
        {
            return null;
        }

        var main = TextNormalizer.Words(MainPart(track.Title)).ToHashSet(StringComparer.Ordinal);
        var offered = TextNormalizer.Words($"{candidate.Title} {candidate.Album} {string.Join(' ', candidate.Artists)}")
            .ToHashSet(StringComparer.Ordinal);
        return TitleWords(TextNormalizer.CleanTitle(track.Title))
            .Where(w => !main.Contains(w) && !VersionWords.IsVersionWord(w) && !StopWords.Contains(w) && !w.All(char.IsAsciiDigit))
            .FirstOrDefault(w => !offered.Contains(w));
    }

    private static IReadOnlyList<string> TitleWords(string text) =>
        TextNormalizer.Words(TextNormalizer.CleanTitle(text)).Where(w => !NeutralWords.Contains(w) && !IsYear(w)).ToArray();

    /// <summary>The title before any " - " suffix or bracket ("Song - 2011 Remaster" -> "Song").</summary>
    private static string MainPart(string title)
    {
        var cut = title.IndexOf(" - ", StringComparison.Ordinal);
        var t = cut > 0 ? title[..cut] : title;
        var bracket = t.IndexOfAny(['(', '[', '{', '（', '【']);
        return bracket > 0 ? t[..bracket] : t;
    }

    /// <summary>"Part 1" is not "Part 2": numbers other than years must agree when both titles have some.</summary>
    private static bool SameNumbers(string a, string b)
    {
        static HashSet<string> Numbers(string s) => TextNormalizer.Words(TextNormalizer.CleanTitle(s))
            .Where(w => w.All(char.IsAsciiDigit) && !IsYear(w))
            .Select(w => w.TrimStart('0'))
            .ToHashSet(StringComparer.Ordinal);

        var x = Numbers(a);
        var y = Numbers(b);
        return x.Count == 0 || y.Count == 0 || x.Overlaps(y);
    }

    private static bool IsYear(string word) =>
        word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2099;

    private static string StripChannelDecoration(string channel)
    {
        var c = channel.Trim();
        foreach (var suffix in new[] { " - Topic", "VEVO", " Official", "Official" })
        {
            if (c.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && c.Length > suffix.Length)
            {
                c = c[..^suffix.Length].Trim();
            }
        }

        return c;
    }
}
