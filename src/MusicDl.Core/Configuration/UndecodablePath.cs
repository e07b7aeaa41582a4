using System.Runtime.InteropServices;
using System.Text;

namespace MusicDl.Configuration;

/// <summary>
/// A path whose bytes are not UTF-8 (a Latin-1 name, say, under <c>LANG=C</c>) reaches .NET with U+FFFD in place of
/// those bytes, and so names no file. On Linux the bytes are still in <c>/proc/self/cmdline</c> and
/// <c>/proc/self/environ</c>: the file is opened by them and read through <c>/proc/self/fd/N</c>.
/// </summary>
internal static class UndecodablePath
{
    private const int ReadOnlyCloseOnExec = 0x80000;

    /// <summary>A path .NET can read standing for <paramref name="decoded"/> as an argument, or null.</summary>
    public static string? FromArguments(string decoded) =>
        Open(decoded, Entries("/proc/self/cmdline"));

    /// <summary>A path .NET can read standing for the value of <paramref name="variable"/>, or null.</summary>
    public static string? FromVariable(string variable, string decoded)
    {
        var prefix = Encoding.UTF8.GetBytes(variable + "=");
        return Open(decoded, Entries("/proc/self/environ").Where(e => e.AsSpan().StartsWith(prefix)).Select(e => e[prefix.Length..]));
    }

    private static string? Open(string decoded, IEnumerable<byte[]> raws)
    {
        if (!OperatingSystem.IsLinux() || !decoded.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(decoded);
        foreach (var raw in raws)
        {
            var text = Encoding.UTF8.GetString(raw);
            if (!text.Contains('\uFFFD', StringComparison.Ordinal))
            {
                continue;
            }

            // A relative argument is relative to the working folder, whose own name decodes cleanly.
            var bytes = raw.Length > 0 && raw[0] == (byte)'/'
                ? raw
                : [.. Encoding.UTF8.GetBytes(Environment.CurrentDirectory.TrimEnd('/') + "/"), .. raw];
            if (!string.Equals(Path.GetFullPath(Encoding.UTF8.GetString(bytes)), full, StringComparison.Ordinal))
            {
                continue;
            }

            var fd = OpenFile([.. bytes, 0], ReadOnlyCloseOnExec);
            if (fd >= 0)
            {
                // Kept open for the rest of the process: the path below stays valid as long as it is.
                return $"/proc/self/fd/{fd}";
            }
        }

        return null;
    }

    private static IEnumerable<byte[]> Entries(string file)
    {
        byte[] all;
        try
        {
            all = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var entries = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= all.Length; i++)
        {
            if (i == all.Length || all[i] == 0)
            {
                if (i > start)
                {
                    entries.Add(all[start..i]);
                }

                start = i + 1;
            }
        }

        return entries;
    }

    // DllImport, not LibraryImport: the generated marshalling would need unsafe code in Core.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int OpenFile(byte[] path, int flags);
}
