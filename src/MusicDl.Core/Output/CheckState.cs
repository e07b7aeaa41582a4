namespace MusicDl.Output;

/// <summary>The verdict of one <c>musicdl doctor</c> check.</summary>
public enum CheckState
{
    /// <summary>Works.</summary>
    Ok,

    /// <summary>Downloads still run, with something missing or degraded.</summary>
    Warning,

    /// <summary>Downloads cannot run until this is fixed.</summary>
    Problem,
}
