using System.Text;

namespace MusicDl.Cli;

/// <summary>
/// Defence in depth for secrets: every line written to stderr or the log file passes through here and any known
/// secret value (client secret, tokens, Redis password) is replaced, whatever code tried to print it.
/// </summary>
internal sealed class RedactingTextWriter(TextWriter inner, Func<IReadOnlyCollection<string>> secrets) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _line.Append(value);
            if (value == '\n')
            {
                FlushLine();
            }
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        lock (_gate)
        {
            _line.Append(value);
            if (value.Contains('\n', StringComparison.Ordinal))
            {
                FlushLine();
            }
        }
    }

    public override void Flush()
    {
        lock (_gate)
        {
            FlushLine();
            inner.Flush();
        }
    }

    internal static string Redact(string text, IReadOnlyCollection<string> secrets)
    {
        foreach (var secret in secrets)
        {
            if (secret.Length >= 4)
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void FlushLine()
    {
        if (_line.Length == 0)
        {
            return;
        }

        inner.Write(Redact(_line.ToString(), secrets()));
        _line.Clear();
    }
}
