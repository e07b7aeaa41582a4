using MusicDl.Cli;
using MusicDl.Library;
using MusicDl.Models;
using MusicDl.Output;

namespace MusicDl.Tests.Cli;

/// <summary>Issue 13: control characters from the services never forge lines or columns in plain output or M3U.</summary>
public sealed class PlainOutputTests
{
    private static readonly TrackOutcome Hostile = new()
    {
        SpotifyId = "4uLU6hMCjMI75M1A2tKUQC",
        Title = "Line\nbreak\tand\0nul",
        Artists = ["Tab\tby"],
        Status = TrackStatus.NotFound,
        Error = "no result\r\nfor it",
    };

    [Fact]
    public void A_title_with_a_newline_tab_or_nul_stays_one_line_of_three_columns()
    {
        var line = ConsoleReporter.PlainLine(Hostile);

        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\0', line);
        Assert.Equal(3, line.Split('\t').Length);
        Assert.Contains("Line\\nbreak\\tand\\x00nul", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_keeps_the_exact_title()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(OutputJson.Track(Hostile));

        Assert.Equal(Hostile.Title, doc.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void An_m3u_entry_with_control_characters_is_one_extinf_line()
    {
        var text = M3uWriter.Render("/music/list.m3u8", [new M3uEntry("/music/a.m4a", TimeSpan.FromSeconds(61), "Tab\tby", "Line\nbreak\0")]);

        Assert.Equal(["#EXTM3U", "#EXTINF:61,Tab by - Line break ", "a.m4a", string.Empty], text.Split('\n'));
    }

    [Fact]
    public void The_plain_summary_counts_every_status_and_unread_sources()
    {
        var counts = ConsoleReporter.Counts(new RunSummary { Downloaded = 1, Missing = 2, Excluded = 3, SourcesFailed = 4 });

        Assert.Contains("2 missing", counts, StringComparison.Ordinal);
        Assert.Contains("3 excluded", counts, StringComparison.Ordinal);
        Assert.Contains("4 sources failed", counts, StringComparison.Ordinal);
    }
}
