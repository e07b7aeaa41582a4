using MusicDl.Audio;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Http;
using MusicDl.Library;
using MusicDl.Models;
using MusicDl.Output;
using MusicDl.Runs;

namespace MusicDl.Tests.Downloading;

public sealed class FailuresTests
{
    public static TheoryData<Exception, ExitCode> Known => new()
    {
        { new ConfigException("config.yaml:3:1: unknown key"), ExitCode.Usage },
        { new SourceParseException("not a Spotify link"), ExitCode.Usage },
        { new ServiceException("Spotify", ServiceFailureKind.Unauthorized, "401: invalid client"), ExitCode.CannotProceed },
        { new ServiceException("Spotify", ServiceFailureKind.Unreachable, "Spotify is unreachable"), ExitCode.CannotProceed },
        { new LibraryLockedException("another musicdl run is using /music"), ExitCode.CannotProceed },
        { new RunAbortedException("5 tracks in a row failed"), ExitCode.CannotProceed },
        { new FfmpegNotFoundException("ffmpeg not found"), ExitCode.CannotProceed },
        { new TaskCanceledException(), ExitCode.Interrupted },
        // A service failing a command outside a run's tracks: its own message and exit 3, not "internal error".
        { new ServiceException("Spotify", ServiceFailureKind.Unparseable, "Spotify's answer for /me could not be read"), ExitCode.CannotProceed },
        { new ServiceException("MusicBrainz", ServiceFailureKind.Rejected, "MusicBrainz answered 400"), ExitCode.CannotProceed },
    };

    [Theory]
    [MemberData(nameof(Known))]
    public void A_known_failure_earns_the_code_the_readme_gives_it(Exception failure, ExitCode expected) =>
        Assert.Equal(expected, Failures.ExitCodeOf(failure));

    [Fact]
    public void A_failure_nobody_classified_is_a_bug_and_earns_no_code() =>
        Assert.Null(Failures.ExitCodeOf(new InvalidOperationException("bug")));

    public static TheoryData<Exception, Fault, string?> Faults => new()
    {
        // A service's failure is judged on its kind, whichever client raised it.
        { new ServiceException("YouTube Music search", ServiceFailureKind.Timeout, "timed out"), Fault.Service, "YouTube Music search" },
        { new ServiceException("YouTube search", ServiceFailureKind.ServerError, "503"), Fault.Service, "YouTube search" },
        { new ServiceException("YouTube Music search", ServiceFailureKind.Unparseable, "not a search result"), Fault.Service, "YouTube Music search" },
        { new ServiceException("Spotify", ServiceFailureKind.ServerError, "Spotify answered 500"), Fault.Service, "Spotify" },
        { new ServiceException("Spotify", ServiceFailureKind.RateLimited, "wait 24 h", retryAfter: TimeSpan.FromHours(24)), Fault.CannotProceed, "Spotify" },
        { new ServiceException("Spotify's public pages", ServiceFailureKind.Unparseable, "no __NEXT_DATA__"), Fault.Service, "Spotify's public pages" },
        { new ServiceException("YouTube Music search", ServiceFailureKind.Rejected, "400"), Fault.Item, null },
        { new ServiceException("Spotify", ServiceFailureKind.Rejected, "not found", status: System.Net.HttpStatusCode.NotFound), Fault.Item, null },
        { new MusicDl.YouTube.YouTubeSessionLimitedException("a captcha"), Fault.CannotProceed, "YouTube" },
        { new TrackFailedException("ffmpeg exited 1") { NotTheTracks = true, Service = "ffmpeg" }, Fault.Tool, "ffmpeg" },
        { new TrackFailedException("a bot check") { NotTheTracks = true }, Fault.Service, "YouTube" },
        { new TrackFailedException("video unavailable"), Fault.Item, null },
        { new InvalidOperationException("bug"), Fault.Unknown, null },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void A_failure_is_judged_by_whose_fault_it_is(Exception failure, Fault fault, string? service)
    {
        var verdict = Failures.Classify(failure);

        Assert.Equal(fault, verdict.Fault);
        Assert.Equal(service, verdict.Service);
        Assert.Equal(fault is Fault.Service or Fault.Tool, Failures.IsSystemic(verdict));
    }

    [Fact]
    public void The_codes_keep_their_numbers()
    {
        Assert.Equal([0, 1, 2, 3, 130], Enum.GetValues<ExitCode>().Select(c => (int)c).ToArray());
        Assert.Contains("  130  interrupted", ExitCodeHelp.Text, StringComparison.Ordinal);
    }
}
