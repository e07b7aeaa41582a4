namespace MusicDl.Output;

/// <summary>One line of <c>musicdl doctor</c>: what was checked, the verdict, what was found, and what to do (null when ok).</summary>
public sealed record DoctorCheck(string Name, CheckState State, string Detail, string? Hint = null)
{
    public static DoctorCheck Ok(string name, string detail) => new(name, CheckState.Ok, detail);

    public static DoctorCheck Warning(string name, string detail, string hint) => new(name, CheckState.Warning, detail, hint);

    public static DoctorCheck Problem(string name, string detail, string hint) => new(name, CheckState.Problem, detail, hint);
}
