using System.Runtime.InteropServices;
using System.Text;

namespace MusicDl.Output;

/// <summary>What is at a path, as <c>lstat</c> (or <c>stat</c>, following links) sees it.</summary>
public enum PathKind
{
    Missing,
    Regular,
    Folder,
    Symlink,
    Fifo,
    Socket,
    Device,
    Other,
}

/// <summary>
/// Files the user names (<c>--review</c>, <c>--log-file</c>, <c>--overrides</c>, <c>--from-file</c>, the config): a
/// file musicdl writes is replaced only when the path is absent or a regular file; one it reads must be a regular
/// file. Anything else (a device, FIFO, socket, folder, or a symlink it would replace) is refused before any request.
/// </summary>
public static class NamedFile
{
    private const uint TypeMask = 0xF000;

    /// <summary>What is at <paramref name="path"/>; with <paramref name="followLinks"/> false a symlink is itself.</summary>
    public static PathKind KindOf(string path, bool followLinks)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (OperatingSystem.IsLinux() && StModeOffset() is { } offset)
        {
            var buffer = new byte[512];
            int result;
            try
            {
                result = followLinks ? Stat(path, buffer) : LStat(path, buffer);
            }
            catch (EntryPointNotFoundException)
            {
                return ManagedKind(path, followLinks);
            }

            if (result != 0)
            {
                return Marshal.GetLastPInvokeError() is 2 or 20 ? PathKind.Missing : ManagedKind(path, followLinks);
            }

            return (BitConverter.ToUInt32(buffer, offset) & TypeMask) switch
            {
                0x8000 => PathKind.Regular,
                0x4000 => PathKind.Folder,
                0xA000 => PathKind.Symlink,
                0x1000 => PathKind.Fifo,
                0xC000 => PathKind.Socket,
                0x2000 or 0x6000 => PathKind.Device,
                _ => PathKind.Other,
            };
        }

        return ManagedKind(path, followLinks);
    }

    /// <summary>
    /// Why musicdl must not write (replace) <paramref name="path"/>, or null when it is absent or a regular file.
    /// </summary>
    public static string? WriteProblem(string path) => KindOf(path, followLinks: false) switch
    {
        PathKind.Missing or PathKind.Regular => null,
        var kind => $"is {Describe(kind)}, not a regular file; name a new or regular file",
    };

    /// <summary>Why musicdl must not read <paramref name="path"/> as a file, or null when it is a regular file or absent.</summary>
    public static string? ReadProblem(string path) => KindOf(path, followLinks: true) switch
    {
        PathKind.Missing or PathKind.Regular => null,
        var kind => $"is {Describe(kind)}, not a regular file",
    };

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> whole or not at all: a temporary file beside it renamed
    /// over it. Refuses (IOException) when the path is no longer absent or a regular file.
    /// </summary>
    public static async Task WriteAtomicallyAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(text);
        var full = Path.GetFullPath(path);
        if (WriteProblem(full) is { } problem)
        {
            throw new IOException($"'{path}' {problem}");
        }

        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            await File.WriteAllTextAsync(temp, text, new UTF8Encoding(false), cancellationToken);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string Describe(PathKind kind) => kind switch
    {
        PathKind.Folder => "a folder",
        PathKind.Symlink => "a symlink",
        PathKind.Fifo => "a FIFO",
        PathKind.Socket => "a socket",
        PathKind.Device => "a device",
        _ => "not a regular file",
    };

    private static PathKind ManagedKind(string path, bool followLinks)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null)
        {
            return PathKind.Symlink;
        }

        return info switch
        {
            DirectoryInfo => PathKind.Folder,
            { Exists: true } => PathKind.Regular,
            _ => PathKind.Missing,
        };
    }

    // Where st_mode sits in glibc's struct stat; null where the layout is not known here (the managed check then).
    private static int? StModeOffset() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 24,
        Architecture.Arm64 or Architecture.LoongArch64 or Architecture.RiscV64 => 16,
        _ => null,
    };

    // DllImport, not LibraryImport: the generated marshalling would need unsafe code in Core.
    [DllImport("libc", EntryPoint = "lstat", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
