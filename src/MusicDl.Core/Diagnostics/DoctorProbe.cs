using MusicDl.Output;

namespace MusicDl.Diagnostics;

/// <summary>
/// One check of <c>musicdl doctor</c>: how to run it, and the line it earns when it throws or runs out of time
/// (a problem for what blocks downloads, a warning for the rest).
/// </summary>
internal sealed record DoctorProbe(string Name, Func<CancellationToken, Task<DoctorCheck>> Run, Func<string, DoctorCheck> Failed);
