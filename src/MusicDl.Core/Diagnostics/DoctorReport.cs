using MusicDl.Output;

namespace MusicDl.Diagnostics;

/// <summary>Every check's verdict, in a fixed order, and the exit code: 3 when any blocks downloads, else 0.</summary>
public sealed record DoctorReport(IReadOnlyList<DoctorCheck> Checks)
{
    public ExitCode ExitCode => Checks.Any(c => c.State == CheckState.Problem) ? ExitCode.CannotProceed : ExitCode.Ok;
}
