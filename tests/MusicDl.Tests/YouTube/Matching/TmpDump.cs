using MusicDl.YouTube.Matching;
namespace MusicDl.Tests.YouTube.Matching;
public sealed class TmpDump
{
    [Fact]
    public void Dump()
    {
        var lines = new List<string>();
        foreach (var row in MatchScorerTableTests.Cases)
        {
            var s = MatchScorer.Score((MusicDl.Models.Track)row[1], (MusicDl.YouTube.Search.SearchCandidate)row[2], (bool)row[3]);
            lines.Add($"{row[4],-5} {s.Value:0.000} t{s.Title:0.00} a{s.Artist:0.00} d{s.Duration:0.00} {s.Rejection} :: {row[0]}");
        }
        File.WriteAllLines("/tmp/ytsearch-dump.txt", lines);
    }
}
