using MusicDl.Audio;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Library;
using MusicDl.Models;
using MusicDl.Output;
using MusicDl.Runs;
using MusicDl.Spotify;

namespace MusicDl.Tests.Runs;

public sealed class FailureExitCodeTests
{
    public static TheoryData<Exception, ExitCode> Known => new()
    {
        { new ConfigException("config.yaml:3:1: unknown key"), ExitCode.Usage },
        { new SourceParseException("not a Spotify link"), ExitCode.Usage },
        { new SpotifyCredentialsException("401: invalid client"), ExitCode.CannotProceed },
        { new LibraryLockedException("another musicdl run is using /music"), ExitCode.CannotProceed },
        { new RunAbortedException("5 tracks in a row failed"), ExitCode.CannotProceed },
        { new FfmpegNotFoundException("ffmpeg not found"), ExitCode.CannotProceed },
        { new TaskCanceledException(), ExitCode.Interrupted },
    };

    [Theory]
    [MemberData(nameof(Known))]
    public void A_known_failure_earns_the_code_the_readme_gives_it(Exception failure, ExitCode expected) =>
        Assert.Equal(expected, FailureExitCode.Of(failure));

    [Fact]
    public void A_failure_nobody_classified_is_a_bug_and_earns_no_code() =>
        Assert.Null(FailureExitCode.Of(new InvalidOperationException("bug")));

    [Fact]
    public void The_codes_keep_their_numbers()
    {
        Assert.Equal([0, 1, 2, 3, 130], Enum.GetValues<ExitCode>().Select(c => (int)c).ToArray());
        Assert.Contains("  130  interrupted", ExitCodeHelp.Text, StringComparison.Ordinal);
    }
}
