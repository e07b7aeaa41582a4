using System.Diagnostics;

namespace MusicDl.Tests.TestSupport;

/// <summary>A stand-in for a tool (ffmpeg, ffprobe, yt-dlp): an executable POSIX shell script.</summary>
internal static class ShellTool
{
    /// <summary>Writes <paramref name="folder"/>/<paramref name="name"/> running <paramref name="body"/> under /bin/sh; returns its path.</summary>
    public static string Write(string folder, string name, string body)
    {
        Directory.CreateDirectory(folder);
        return Install(Path.Combine(folder, name), "#!/bin/sh\n" + body);
    }

    /// <summary>
    /// Writes the script <paramref name="content"/> (shebang included) to <paramref name="path"/>, executable. The file
    /// itself is written by a child <c>cp</c>, never by this process: the test host starts processes from many threads,
    /// and one forked while this process held the new file open for writing keeps that handle until it execs, so the
    /// script's first run could fail with "Text file busy" on a busy machine.
    /// </summary>
    public static string Install(string path, string content)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("A stand-in tool is a POSIX shell script.");
        }

        var text = path + ".text";
        File.WriteAllText(text, content);
        using (var copy = Process.Start(new ProcessStartInfo("cp", [text, path]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start cp"))
        {
            copy.WaitForExit();
            if (copy.ExitCode != 0)
            {
                throw new IOException($"cp could not write the stand-in tool {path} (exit {copy.ExitCode})");
            }
        }

        File.Delete(text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
