using MusicDl.Configuration;
using MusicDl.Models;
using MusicDl.Output;
using YamlDotNet.RepresentationModel;

namespace MusicDl.Tests.Output;

public sealed class ReviewFileTests : IDisposable
{
    private const string Doubtful = "4uLU6hMCjMI75M1A2tKUQC";
    private const string Missing = "1t2qKa8K72IBC8yQlhD9bU";
    private const string Certain = "0000000000000000000003";
    private const string Pinned = "0000000000000000000004";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("musicdl-review-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static CandidateReport Candidate(string id, string kind, double score, string title = "Moments", string? rejection = null) => new()
    {
        VideoId = id,
        Title = title,
        Artists = ["Lost Identities", "Robbie Rosen"],
        Duration = TimeSpan.FromSeconds(221),
        Kind = kind,
        Provider = "youtube-music",
        Score = score,
        Rejection = rejection,
    };

    private static TrackOutcome Outcome(string id, TrackStatus status, double? score = null, string? videoId = null, string provider = "youtube-music", params CandidateReport[] candidates) => new()
    {
        SpotifyId = id,
        Title = "Moments: \"Part\" #1\nsecond line",
        Artists = ["Lost Identities", "Robbie Rosen"],
        Album = "Moments",
        DurationMs = 220_000,
        Status = status,
        Score = score,
        VideoId = videoId,
        Provider = provider,
        Candidates = candidates,
    };

    private static readonly TrackOutcome[] Run =
    [
        Outcome(Doubtful, TrackStatus.Matched, 0.8, "fxhzvHrTO2k", "youtube-music",
            Candidate("fxhzvHrTO2k", "video", 0.8), Candidate("GnKXjblvqOg", "upload", 0.78, "Lost Identities & Robbie Rosen - Moments (Lyrics)"),
            Candidate("wgpEmlJ3guA", "song", 0, "Moments (Acoustic Version)", "other version (acoustic)"), Candidate("zzzzzzzzzzz", "song", 0)),
        Outcome(Missing, TrackStatus.NotFound),
        Outcome(Certain, TrackStatus.Matched, 0.97, "0h6XAAwX8II", "youtube-music", Candidate("0h6XAAwX8II", "song", 0.97)),
        Outcome(Pinned, TrackStatus.Matched, 1, "dQw4w9WgXcQ", "override"),
    ];

    private async Task<string> WriteAsync(string text)
    {
        var path = Path.Combine(_folder.FullName, "review.yaml");
        await ReviewFile.WriteAsync(path, text);
        return path;
    }

    [Fact]
    public async Task The_file_loads_as_written_and_pins_nothing_until_a_line_is_uncommented()
    {
        var text = ReviewFile.Render(Run, 0.85, new Dictionary<string, string>());
        var path = await WriteAsync(text);

        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = Assert.IsType<YamlMappingNode>(yaml.Documents[0].RootNode);
        Assert.Equal("overrides", Assert.Single(root.Children).Key.ToString());
        Assert.Empty(await OverridesFile.ReadAsync(path));

        await File.WriteAllTextAsync(path, text.Replace($"  # {Doubtful}: ", $"  {Doubtful}: ", StringComparison.Ordinal));
        var pinned = await OverridesFile.ReadAsync(path);

        Assert.Equal(new Dictionary<string, string> { [Doubtful] = "fxhzvHrTO2k" }, pinned);
    }

    [Fact]
    public void Only_tracks_not_found_or_below_the_review_threshold_are_listed_with_their_best_three_candidates()
    {
        var text = ReviewFile.Render(Run, 0.85, new Dictionary<string, string>());

        Assert.Contains($"  # {Doubtful}: fxhzvHrTO2k\n", text, StringComparison.Ordinal);
        Assert.Contains($"  # {Missing}: skip\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Certain, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Pinned, text, StringComparison.Ordinal);
        Assert.Contains($"https://open.spotify.com/track/{Doubtful}", text, StringComparison.Ordinal);
        Assert.Contains("Lost Identities, Robbie Rosen - Moments", text, StringComparison.Ordinal);
        Assert.Contains("album: Moments | 3:40", text, StringComparison.Ordinal);
        Assert.Contains("1. fxhzvHrTO2k  video  0.800  \"Moments\" by Lost Identities, Robbie Rosen  3:41", text, StringComparison.Ordinal);
        Assert.Contains("2. GnKXjblvqOg  upload 0.780", text, StringComparison.Ordinal);
        Assert.Contains("3. wgpEmlJ3guA  song   0.000", text, StringComparison.Ordinal);
        Assert.Contains("(other version (acoustic))", text, StringComparison.Ordinal);
        Assert.Contains("https://www.youtube.com/watch?v=GnKXjblvqOg", text, StringComparison.Ordinal);
        Assert.DoesNotContain("zzzzzzzzzzz", text, StringComparison.Ordinal);
        // A line break in a title stays inside its comment.
        Assert.All(text.Split('\n').Where(l => l.Length > 0), l => Assert.True(l.StartsWith('#') || l.StartsWith("  #", StringComparison.Ordinal) || l == "overrides:", l));
    }

    [Fact]
    public async Task Rewriting_keeps_the_entries_already_settled_and_lists_their_tracks_no_more()
    {
        var settled = new Dictionary<string, string> { [Doubtful] = "GnKXjblvqOg", [Missing] = "skip" };

        var text = ReviewFile.Render(Run, 0.85, settled);
        var path = await WriteAsync(text);

        Assert.Equal(settled, await OverridesFile.ReadAsync(path));
        Assert.DoesNotContain($"# {Doubtful}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetFileName(path) + ".", string.Join(' ', _folder.GetFiles().Select(f => f.Name)), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_to_review_is_an_empty_overrides_map()
    {
        var text = ReviewFile.Render([Run[2], Run[3]], 0.85, new Dictionary<string, string>());

        Assert.EndsWith("overrides:\n", text, StringComparison.Ordinal);
    }
}
