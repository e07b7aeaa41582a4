using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MusicDl.Configuration;

/// <summary>One YAML value with its file, position and dotted key, so every read can fail with <c>file:line:column: key: ...</c>.</summary>
internal sealed class ConfigNode(string file, string key, YamlNode node, IList<string> warnings)
{
    /// <summary>Where non-fatal findings go (shared by every node of one load).</summary>
    public IList<string> Warnings { get; } = warnings;

    public string File { get; } = file;

    public string Key { get; } = key;

    public YamlNode Node { get; } = node;

    public int Line => (int)Node.Start.Line;

    public int Column => (int)Node.Start.Column;

    public string Location => $"{File}:{Line}:{Column}";

    /// <summary>A plain empty value, <c>~</c> or <c>null</c>: the key is present but says nothing, so the default stays.</summary>
    public bool IsNull => Node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s
        && (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

    public ConfigNode Child(string childKey, YamlNode child) =>
        new(File, childKey.StartsWith('[') ? Key + childKey : $"{Key}.{childKey}", child, Warnings);

    /// <summary>Another node blamed under this node's key (the URL of a <c>- name: url</c> entry).</summary>
    public ConfigNode At(YamlNode other) => new(File, Key, other, Warnings);

    public ConfigException Error(string message) => new(File, Line, Column, $"{Key}: {message}");

    public string Scalar(string expected)
    {
        return Node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : throw Error($"expected {expected}, got {Describe()}");
    }

    /// <summary>A string value; null when empty, so <c>client_id: ""</c> means unset.</summary>
    public string? String()
    {
        var text = Scalar("a text value");
        return text.Length == 0 ? null : text;
    }

    public int Int()
    {
        var text = Scalar("a whole number");
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"expected a whole number, got '{text}'");
    }

    public double Double()
    {
        var text = Scalar("a number");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error($"expected a number, got '{text}'");
    }

    /// <summary>A duration in seconds, whole or fractional (the original app's style).</summary>
    public TimeSpan Seconds()
    {
        var text = Scalar("a number of seconds");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
        {
            throw Error($"expected a number of seconds, got '{text}'");
        }

        // Beyond this TimeSpan overflows; the validator's ranges are far below it anyway.
        return Math.Abs(seconds) < 1e12 ? TimeSpan.FromSeconds(seconds) : throw Error($"{text} seconds is out of range");
    }

    public bool Bool()
    {
        var text = Scalar("true or false");

        // YAML 1.1 spellings, as the original (Python) app's loader accepts them.
        return text.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Error($"expected true or false, got '{text}'"),
        };
    }

    /// <summary>A list of text values; a single value counts as a one-item list.</summary>
    public IReadOnlyList<string> StringList()
    {
        if (Node is YamlScalarNode)
        {
            return [Scalar("a list")];
        }

        if (Node is not YamlSequenceNode sequence)
        {
            throw Error($"expected a list, got {Describe()}");
        }

        return sequence.Children.Select((c, i) => Child($"[{i}]", c).Scalar("a text value")).ToArray();
    }

    public YamlMappingNode Mapping(string expected) =>
        Node as YamlMappingNode ?? throw Error($"expected {expected}, got {Describe()}");

    public YamlSequenceNode Sequence(string expected) =>
        Node as YamlSequenceNode ?? throw Error($"expected {expected}, got {Describe()}");

    /// <summary>Runs a text parser (shared with the command line) and moves its error to this node.</summary>
    public T Parse<T>(Func<string, T> parse)
    {
        var text = Scalar("a text value");
        return Located(() => parse(text));
    }

    /// <summary>Runs a check that throws position-less <see cref="ConfigException"/>s and moves them to this node.</summary>
    public T Located<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ConfigException e) when (!e.HasLocation)
        {
            throw Error(StripKey(e.Message));
        }
    }

    private static string StripKey(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !message[..colon].Contains(' ', StringComparison.Ordinal) ? message[(colon + 2)..] : message;
    }

    private string Describe() => Node switch
    {
        YamlMappingNode => "a map",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "something else",
    };
}
