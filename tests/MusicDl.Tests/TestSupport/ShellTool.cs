namespace MusicDl.Tests.TestSupport;

/// <summary>A stand-in for a tool (ffmpeg, ffprobe, yt-dlp): an executable POSIX shell script.</summary>
internal static class ShellTool
{
    /// <summary>Writes <paramref name="folder"/>/<paramref name="name"/> running <paramref name="body"/> under /bin/sh; returns its path.</summary>
    public static string Write(string folder, string name, string body)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
