using MusicDl.Http;

namespace MusicDl.YouTube.Visitor;

/// <summary>
/// Neither sw.js_data nor the home page gave visitor data: a failure of service "YouTube visitor data", of the kind
/// the last request failed with (or unparseable: an answer of a new shape).
/// </summary>
public sealed class VisitorDataException : ServiceException
{
    public VisitorDataException(string message)
        : base("YouTube visitor data", ServiceFailureKind.Unparseable, message)
    {
    }

    public VisitorDataException(string message, Exception innerException)
        : base("YouTube visitor data", ServiceFailures.KindOf(innerException), message, innerException)
    {
    }
}
