namespace MusicDl.Configuration;

/// <summary>
/// Existing configs often give an absolute <c>output</c> (<c>/music/{artist}/{title}.{output-ext}</c>) and no
/// <c>output_dir</c>: its fixed leading part becomes the library folder and the rest the template.
/// </summary>
public static class AbsoluteOutput
{
    /// <summary>True for <c>/x</c>, <c>\x</c> and drive paths (<c>C:\x</c>, <c>C:/x</c>) on any platform.</summary>
    public static bool IsAbsolute(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Path.IsPathRooted(output) || output.StartsWith('/') || output.StartsWith('\\')
            || (output.Length >= 3 && char.IsAsciiLetter(output[0]) && output[1] == ':' && output[2] is '/' or '\\');
    }

    /// <summary>
    /// Splits before the first path component holding a <c>{</c> (or before the last component when none does):
    /// <c>/music/{artist}/{title}.{output-ext}</c> gives <c>/music</c> and <c>{artist}/{title}.{output-ext}</c>.
    /// </summary>
    public static (string Directory, string Template) Split(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var brace = output.IndexOf('{', StringComparison.Ordinal);
        var searchEnd = brace >= 0 ? brace : output.Length - 1;
        var separator = output.LastIndexOfAny(['/', '\\'], Math.Max(searchEnd, 0));
        var template = separator >= 0 ? output[(separator + 1)..] : string.Empty;
        if (separator < 0 || template.Length == 0)
        {
            throw new ConfigException($"output: '{output}' has no file name part to use as the template");
        }

        var directory = output[..separator];

        // Keep the root itself: "/" or "C:\" rather than "" or "C:".
        if (directory.Length == 0 || (directory.Length == 2 && directory[1] == ':'))
        {
            directory = output[..(separator + 1)];
        }

        return (directory, template);
    }
}
