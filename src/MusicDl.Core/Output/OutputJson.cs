using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MusicDl.Caching;
using MusicDl.Models;

namespace MusicDl.Output;

/// <summary>
/// The one place that turns results into the JSON Lines of the output contract (README, "Output contract").
/// Field names are fixed: snake_case, <c>artists</c> an array, absent values <c>null</c>.
/// Written with Utf8JsonWriter so the shape is explicit here and costs no reflection.
/// </summary>
public static class OutputJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Keep non-Latin titles readable in the output; the writer still escapes what JSON requires.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="outcome">The track's outcome.</param>
    /// <param name="explain">Add <c>candidates</c>: the scored candidates (top five) with the parts of their scores.</param>
    public static string Track(TrackOutcome outcome, bool explain = false) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("spotify_id", outcome.SpotifyId);
        w.WriteString("isrc", outcome.Isrc);
        w.WriteString("title", outcome.Title);
        w.WriteStartArray("artists");
        foreach (var artist in outcome.Artists)
        {
            w.WriteStringValue(artist);
        }

        w.WriteEndArray();
        w.WriteString("album", outcome.Album);
        w.WriteStartArray("sources");
        foreach (var source in outcome.Sources)
        {
            w.WriteStringValue(source);
        }

        w.WriteEndArray();
        w.WriteString("status", StatusName(outcome.Status));
        w.WriteString("path", outcome.Path);
        if (outcome.Copies is { Count: > 0 } copies)
        {
            w.WriteStartArray("copies");
            foreach (var copy in copies)
            {
                w.WriteStringValue(copy);
            }

            w.WriteEndArray();
        }

        w.WriteString("video_id", outcome.VideoId);
        w.WriteString("provider", outcome.Provider);
        if (outcome.Score is { } score)
        {
            w.WriteNumber("score", Math.Round(score, 3));
        }
        else
        {
            w.WriteNull("score");
        }

        w.WriteString("error", outcome.Error);
        if (explain)
        {
            WriteCandidates(w, outcome.Candidates);
        }

        w.WriteEndObject();
    });

    private static void WriteCandidates(Utf8JsonWriter w, IReadOnlyList<CandidateReport> candidates)
    {
        w.WriteStartArray("candidates");
        foreach (var c in candidates)
        {
            w.WriteStartObject();
            w.WriteString("video_id", c.VideoId);
            w.WriteString("title", c.Title);
            w.WriteStartArray("artists");
            foreach (var artist in c.Artists)
            {
                w.WriteStringValue(artist);
            }

            w.WriteEndArray();
            w.WriteString("album", c.Album);
            if (c.Duration is { } d)
            {
                w.WriteNumber("duration_s", Math.Round(d.TotalSeconds, 1));
            }
            else
            {
                w.WriteNull("duration_s");
            }

            w.WriteString("kind", c.Kind);
            w.WriteString("provider", c.Provider);
            w.WriteNumber("score", Math.Round(c.Score, 3));
            w.WriteStartObject("parts");
            w.WriteNumber("title", Math.Round(c.TitlePart, 3));
            w.WriteNumber("artist", Math.Round(c.ArtistPart, 3));
            w.WriteNumber("duration", Math.Round(c.DurationPart, 3));
            w.WriteBoolean("album", c.AlbumMatch);
            w.WriteBoolean("song", c.Kind == "song");
            w.WriteBoolean("explicit_mismatch", c.ExplicitMismatch);
            w.WriteBoolean("isrc_hit", c.IsrcHit);
            w.WriteBoolean("artist_by_album", c.ArtistByAlbum);
            w.WriteEndObject();
            w.WriteBoolean("same_recording", c.SameRecording);
            w.WriteString("rejection", c.Rejection);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static string Source(SourceFailure failure) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("source", failure.Source);
        w.WriteString("status", "failed");
        w.WriteString("error", failure.Error);
        w.WriteEndObject();
    });

    public static string Summary(RunSummary summary) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("summary");
        w.WriteNumber("downloaded", summary.Downloaded);
        w.WriteNumber("skipped", summary.Skipped);
        w.WriteNumber("retagged", summary.Retagged);
        w.WriteNumber("matched", summary.Matched);
        w.WriteNumber("planned", summary.Planned);
        w.WriteNumber("missing", summary.Missing);
        w.WriteNumber("excluded", summary.Excluded);
        w.WriteNumber("pruned", summary.Pruned);
        w.WriteNumber("not_found", summary.NotFound);
        w.WriteNumber("failed", summary.Failed);
        w.WriteNumber("unsupported", summary.Unsupported);
        w.WriteNumber("sources_failed", summary.SourcesFailed);
        w.WriteNumber("from_public_pages", summary.FromPublicPages);
        w.WriteNumber("exit_code", summary.ExitCode);
        if (summary.Error is { } error)
        {
            w.WriteString("error", error);
        }

        w.WriteNumber("elapsed_s", Math.Round(summary.ElapsedS, 1));
        w.WriteStartObject("requests");
        w.WriteNumber("spotify", summary.Requests.Spotify);
        w.WriteNumber("search", summary.Requests.Search);
        w.WriteNumber("player", summary.Requests.Player);
        w.WriteNumber("media", summary.Requests.Media);
        w.WriteEndObject();
        w.WriteStartObject("cache");
        foreach (var region in summary.Cache)
        {
            WriteRegion(w, region);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>The per-region counters, as in the summary and <c>cache stats --json</c>.</summary>
    public static void WriteRegion(Utf8JsonWriter w, RegionStatistics s)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(s);
        w.WriteStartObject(s.Region);
        w.WriteNumber("entries", s.Entries);
        w.WriteNumber("lookups", s.Lookups);
        w.WriteNumber("hits", s.Hits);
        w.WriteNumber("misses", s.Misses);
        w.WriteNumber("negative_hits", s.NegativeHits);
        w.WriteNumber("hit_rate", Math.Round(s.HitRate, 3));
        w.WriteNumber("sets", s.Sets);
        w.WriteNumber("evictions", s.Evictions);
        w.WriteNumber("expirations", s.Expirations);
        w.WriteNumber("persistent_hits", s.PersistentHits);
        w.WriteNumber("shared_hits", s.SharedHits);
        w.WriteEndObject();
    }

    /// <summary><c>cache stats --json</c>: the file, its size on disk, its entries and their age, per region.</summary>
    public static string CacheStats(CacheFileStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("path", stats.Path);
            w.WriteNumber("bytes_on_disk", stats.BytesOnDisk);
            w.WriteNumber("entries", stats.Entries);
            WriteTime(w, "oldest", stats.Oldest);
            WriteTime(w, "newest", stats.Newest);
            w.WriteStartObject("regions");
            foreach (var r in stats.Regions)
            {
                w.WriteStartObject(r.Region);
                w.WriteNumber("entries", r.Entries);
                WriteTime(w, "oldest", r.Oldest);
                WriteTime(w, "newest", r.Newest);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <summary>snake_case status names: <c>not_found</c>, <c>downloaded</c>...</summary>
    public static string StatusName(TrackStatus status) => status switch
    {
        TrackStatus.NotFound => "not_found",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? t)
    {
        if (t is { } value)
        {
            w.WriteString(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary><c>musicdl doctor --json</c>: every check's name, state, detail and hint, and the exit code they earn.</summary>
    public static string Doctor(IReadOnlyList<DoctorCheck> checks, ExitCode exitCode) => Write(w =>
    {
        ArgumentNullException.ThrowIfNull(checks);
        w.WriteStartObject();
        w.WriteStartArray("checks");
        foreach (var check in checks)
        {
            w.WriteStartObject();
            w.WriteString("name", check.Name);
            w.WriteString("state", check.State switch { CheckState.Ok => "ok", CheckState.Warning => "warning", _ => "problem" });
            w.WriteString("detail", check.Detail);
            w.WriteString("hint", check.Hint);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("exit_code", (int)exitCode);
        w.WriteEndObject();
    });

    public static string Write(Action<Utf8JsonWriter> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
