using System.Text;
using MusicDl.Models;

namespace MusicDl.Library;

/// <summary>
/// A validated path template ("{artist}/{album}/{track-number} - {title}.{output-ext}") that renders a track
/// to a safe path relative to the library folder. Parse once, render many times.
/// </summary>
public sealed class PathTemplate
{
    private readonly IReadOnlyList<IReadOnlyList<TemplateToken>> _directories;
    private readonly IReadOnlyList<TemplateToken> _fileStem;

    private PathTemplate(string text, IReadOnlyList<IReadOnlyList<TemplateToken>> directories, IReadOnlyList<TemplateToken> fileStem)
    {
        Text = text;
        _directories = directories;
        _fileStem = fileStem;
    }

    /// <summary>The template as written; the library state records it to notice template changes.</summary>
    public string Text { get; }

    /// <summary>Every variable name accepted, aliases excluded.</summary>
    public static IReadOnlyCollection<string> VariableNames => TemplateVariables.Names;

    /// <summary>
    /// Splits an absolute <c>output</c> from an existing config ("/music/{artist}/{title}.{output-ext}") into the
    /// library folder (its fixed leading part, "/music") and the relative template. A relative one comes back whole.
    /// </summary>
    public static (string? LibraryRoot, string Template) SplitLibraryRoot(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!Path.IsPathRooted(output) && !(output.Length > 1 && output[1] == ':' && char.IsAsciiLetter(output[0])))
        {
            return (null, output);
        }

        var brace = output.IndexOf('{', StringComparison.Ordinal);
        var fixedPart = brace < 0 ? output : output[..brace];
        var cut = fixedPart.LastIndexOfAny(['/', '\\']);
        if (cut < 0)
        {
            throw new TemplateException($"The path template '{output}' has no folder before its first variable.");
        }

        var root = cut == 0 ? output[..1] : output[..cut];
        if (root.Length == 2 && root[1] == ':')
        {
            root += output[cut];
        }

        return (root, output[(cut + 1)..]);
    }

    /// <summary>Parses and validates a template. Throws <see cref="TemplateException"/> naming the problem.</summary>
    public static PathTemplate Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (string.IsNullOrWhiteSpace(template))
        {
            throw new TemplateException("The path template is empty.");
        }

        if (template[0] is '/' or '\\' || (template.Length > 1 && template[1] == ':' && char.IsAsciiLetter(template[0])))
        {
            throw new TemplateException($"The path template '{template}' is absolute; give the library folder as output_dir and a relative template.");
        }

        var components = template.Split('/', '\\')
            .Where(c => c.Length > 0 && c != ".")
            .Select(c => Tokenize(c, template))
            .ToList();
        if (components.Count == 0)
        {
            throw new TemplateException($"The path template '{template}' names no file.");
        }

        foreach (var component in components)
        {
            if (component.Count == 1 && !component[0].IsVariable && component[0].Text == "..")
            {
                throw new TemplateException($"The path template '{template}' may not leave the library folder ('..').");
            }
        }

        var stem = components[^1].ToList();

        // A trailing ".{output-ext}" is the extension: render keeps it outside the cut and the collision suffix.
        if (stem.Count >= 2 && stem[^1] is { IsVariable: true, Text: TemplateVariables.OutputExt } && stem[^2] is { IsVariable: false } dot && dot.Text.EndsWith('.'))
        {
            stem.RemoveAt(stem.Count - 1);
            stem[^1] = dot with { Text = dot.Text[..^1] };
        }

        return new PathTemplate(template, components.Take(components.Count - 1).ToList(), stem);
    }

    /// <summary>
    /// Renders the relative path ('/'-separated) for <paramref name="track"/>. Every component is sanitised;
    /// empty components are dropped; the file name always ends with ".{extension}".
    /// </summary>
    public string Render(Track track, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(context);
        var extension = PathSanitizer.ReplaceInvalidCharacters(context.Extension).Trim('.', ' ');
        var parts = new List<string>(_directories.Count + 1);
        foreach (var directory in _directories)
        {
            var rendered = PathSanitizer.SanitizeComponent(RenderTokens(directory, track, context));
            if (rendered.Length > 0)
            {
                parts.Add(rendered);
            }
        }

        var reserve = Encoding.UTF8.GetByteCount(extension) + 1 + PathSanitizer.SuffixReserveBytes;
        var stem = PathSanitizer.SanitizeComponent(RenderTokens(_fileStem, track, context), reserve);
        if (stem.Length == 0)
        {
            // Only when every value is empty; the track id keeps the name unique and readable enough.
            stem = track.Id.Length > 0 ? PathSanitizer.SanitizeComponent(track.Id, reserve) : "track";
        }

        parts.Add(extension.Length > 0 ? $"{stem}.{extension}" : stem);
        return string.Join('/', parts);
    }

    public override string ToString() => Text;

    private static string RenderTokens(IReadOnlyList<TemplateToken> tokens, Track track, TemplateContext context)
    {
        var builder = new StringBuilder();
        foreach (var token in tokens)
        {
            builder.Append(token.IsVariable
                ? PathSanitizer.ReplaceInvalidCharacters(TemplateVariables.Read(token.Text, track, context))
                : token.Text);
        }

        return builder.ToString();
    }

    private static List<TemplateToken> Tokenize(string component, string template)
    {
        var tokens = new List<TemplateToken>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < component.Length)
        {
            var c = component[i];
            if (c == '}')
            {
                throw new TemplateException($"The path template '{template}' has a '}}' without its '{{'.");
            }

            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }

            var close = component.IndexOf('}', i + 1);
            if (close < 0)
            {
                throw new TemplateException($"The path template '{template}' has a '{{' that is never closed.");
            }

            var name = component[(i + 1)..close].Trim();
            var canonical = TemplateVariables.Canonical(name)
                ?? throw new TemplateException(
                    $"Unknown template variable {{{name}}} in '{template}'; known: {string.Join(" ", TemplateVariables.Names.Select(n => "{" + n + "}"))}.")
                {
                    Variable = name,
                };
            if (literal.Length > 0)
            {
                tokens.Add(new TemplateToken(literal.ToString(), false));
                literal.Clear();
            }

            tokens.Add(new TemplateToken(canonical, true));
            i = close + 1;
        }

        if (literal.Length > 0)
        {
            tokens.Add(new TemplateToken(literal.ToString(), false));
        }

        return tokens;
    }
}
