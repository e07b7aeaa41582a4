namespace MusicDl.Library;

/// <summary>A path template that cannot be used: an unknown variable, an unclosed brace, a step out of the library.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException()
    {
    }

    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The unknown variable, without braces, when that is the problem.</summary>
    public string? Variable { get; init; }
}
