namespace MusicDl.Models;

/// <summary>An argument that is not a Spotify source musicdl accepts; the message is one line naming it.</summary>
public sealed class SourceParseException : FormatException
{
    public SourceParseException()
    {
    }

    public SourceParseException(string message)
        : base(message)
    {
    }

    public SourceParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SourceParseException(string argument, string reason)
        : base(BuildMessage(argument, reason))
    {
        Argument = argument;
        Reason = reason;
    }

    /// <summary>The text as given (null when built from a plain message).</summary>
    public string? Argument { get; }

    /// <summary>What is wrong with it, without the list of accepted forms.</summary>
    public string? Reason { get; }

    /// <summary>The accepted forms, said once so every error reads the same.</summary>
    public const string Accepted =
        "expected a Spotify track, album, playlist or artist link (https://open.spotify.com/track/<22-char id>), "
        + "a spotify:track:<id> URI, a spotify.link short link, or 'saved' for Liked Songs";

    private static string BuildMessage(string argument, string reason) =>
        $"'{Printable(argument)}' {reason}; {Accepted}.";

    // Keep the message on one line and short even for pasted garbage.
    private static string Printable(string argument)
    {
        var chars = argument.Select(c => char.IsControl(c) ? ' ' : c).ToArray();
        var text = new string(chars);
        return text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
    }
}
