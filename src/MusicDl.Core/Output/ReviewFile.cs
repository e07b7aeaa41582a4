using System.Globalization;
using System.Text;
using MusicDl.Models;

namespace MusicDl.Output;

/// <summary>
/// The review loop's file (<c>--review FILE</c>): YAML whose top level is <c>overrides:</c>. Each track that needs a
/// human look (not found, or matched below <c>review_threshold</c>) gets a comment block with the Spotify track and
/// its best three candidates, then a commented ready entry <c># &lt;spotify id&gt;: &lt;video id&gt;</c>: uncommenting
/// that one line pins the video. Entries already active in the file are kept when a run rewrites it.
/// </summary>
public static class ReviewFile
{
    private const int ShownCandidates = 3;

    /// <summary>Not found, or matched by a search below <paramref name="reviewThreshold"/> (pinned tracks need nothing).</summary>
    public static bool NeedsReview(TrackOutcome outcome, double reviewThreshold)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.SpotifyId is null)
        {
            return false;
        }

        return outcome.Status == TrackStatus.NotFound
            || (outcome is { VideoId: not null, Score: { } score } && score < reviewThreshold && outcome.Provider != "override"
                && outcome.Status is TrackStatus.Matched or TrackStatus.Downloaded or TrackStatus.Planned);
    }

    /// <param name="outcomes">The run's track outcomes, in report order.</param>
    /// <param name="reviewThreshold">Matches below this are listed.</param>
    /// <param name="settled">Overrides already active in the file being rewritten: kept as they are, and their tracks not listed again.</param>
    public static string Render(IEnumerable<TrackOutcome> outcomes, double reviewThreshold, IReadOnlyDictionary<string, string> settled)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(settled);
        var listed = outcomes
            .Where(o => NeedsReview(o, reviewThreshold) && !settled.ContainsKey(o.SpotifyId!))
            .DistinctBy(o => o.SpotifyId)
            .OrderBy(o => string.Join(", ", o.Artists), StringComparer.OrdinalIgnoreCase)
            .ThenBy(o => o.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(o => o.SpotifyId, StringComparer.Ordinal)
            .ToList();

        var sb = new StringBuilder();
        sb.Append("# musicdl review: tracks not found or matched below ").Append(Number(reviewThreshold)).Append(" (review_threshold).\n");
        sb.Append("# Uncomment a track's last line to pin that video (or put skip in its place), then run again\n");
        sb.Append("# with --overrides FILE or `overrides_file: FILE` in the config. Each --review run rewrites\n");
        sb.Append("# this file; entries already uncommented are kept.\n");
        sb.Append("overrides:\n");
        foreach (var (track, target) in settled.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            sb.Append("  ").Append(track).Append(": ").Append(target).Append('\n');
        }

        foreach (var outcome in listed)
        {
            AppendTrack(sb, outcome, reviewThreshold);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Why the file could not be written (its folder missing or read-only, or the path holding something other than a
    /// regular file: a device, FIFO, socket, folder or symlink is never replaced), checked before a run; null when it can.
    /// </summary>
    public static string? CannotWrite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (NamedFile.WriteProblem(path) is { } problem)
        {
            return $"it {problem}";
        }

        var temp = TempPath(path);
        try
        {
            using (File.Create(temp, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    /// <summary>Writes the file whole or not at all (a temporary file renamed over the old one).</summary>
    public static async Task WriteAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(text);
        await NamedFile.WriteAtomicallyAsync(path, text, cancellationToken);
    }

    // Beside the file, so the rename stays on one file system.
    private static string TempPath(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
    }

    private static void AppendTrack(StringBuilder sb, TrackOutcome o, double reviewThreshold)
    {
        sb.Append('\n');
        sb.Append("  # ").Append(Line(string.Join(", ", o.Artists))).Append(" - ").Append(Line(o.Title)).Append('\n');
        sb.Append("  #   album: ").Append(Line(o.Album)).Append(" | ").Append(o.DurationMs > 0 ? Length(TimeSpan.FromMilliseconds(o.DurationMs)) : "?:??")
            .Append(" | ").Append(o.SpotifyUrl).Append('\n');
        sb.Append("  #   ").Append(o.Status == TrackStatus.NotFound
                ? "not found: " + Line(o.Error ?? "no candidate reached the match threshold")
                : $"matched {o.VideoId} at {Number(o.Score ?? 0)}, below {Number(reviewThreshold)}")
            .Append('\n');

        var shown = o.Candidates.Take(ShownCandidates).ToList();
        if (shown.Count == 0)
        {
            sb.Append("  #   no candidates to show: pin a video id you found yourself, or skip\n");
        }

        for (var i = 0; i < shown.Count; i++)
        {
            var c = shown[i];
            sb.Append("  #   ").Append(i + 1).Append(". ").Append(c.VideoId).Append("  ").Append(c.Kind.PadRight(6)).Append(' ')
                .Append(Number(c.Score)).Append("  \"").Append(Line(c.Title)).Append("\" by ").Append(Line(string.Join(", ", c.Artists)))
                .Append("  ").Append(c.Duration is { } d ? Length(d) : "?:??");
            if (c.Rejection is { } rejection)
            {
                sb.Append("  (").Append(Line(rejection)).Append(')');
            }

            sb.Append('\n');
            sb.Append("  #      ").Append(c.WatchUrl).Append('\n');
        }

        // The ready entry: a bare 11-character id, so that removing "# " pins it.
        var best = shown.Count > 0 ? shown[0].VideoId : o.VideoId ?? "skip";
        sb.Append("  # ").Append(o.SpotifyId).Append(": ").Append(best).Append('\n');
    }

    // A comment ends at the line break: titles never carry one into the YAML.
    private static string Line(string? text) =>
        string.IsNullOrEmpty(text) ? "?" : new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Length(TimeSpan d) =>
        d.TotalHours >= 1
            ? d.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : $"{(int)d.TotalMinutes}:{d.Seconds:00}";
}
