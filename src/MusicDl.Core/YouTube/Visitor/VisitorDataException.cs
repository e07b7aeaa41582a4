namespace MusicDl.YouTube.Visitor;

/// <summary>Neither sw.js_data nor the home page gave visitor data (a network failure or an answer of a new shape).</summary>
public sealed class VisitorDataException : Exception
{
    public VisitorDataException()
    {
    }

    public VisitorDataException(string message)
        : base(message)
    {
    }

    public VisitorDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
