using System.Runtime.InteropServices;

namespace MusicDl.Library;

/// <summary>
/// Checks, before any network request, that the output folder can hold a library: not a file (or /dev/null), not
/// under a kernel file system (/proc, /sys, /dev), and writable (not read-only, not immutable). A dry run checks the
/// same without writing anything, so it fails where the real run would.
/// </summary>
public static class LibraryFolder
{
    private const int WriteAndSearch = 2 | 1; // W_OK | X_OK
    private static readonly string[] KernelFileSystems = ["/proc", "/sys", "/dev"];

    /// <summary>Throws <see cref="LibraryUnusableException"/> with the reason when <paramref name="root"/> cannot be a library.</summary>
    public static void Check(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        string full;
        try
        {
            full = Path.GetFullPath(root);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new LibraryUnusableException($"the output folder '{root}' is not a usable path: {ex.Message}", ex);
        }

        if (!OperatingSystem.IsWindows() && KernelFileSystems.Any(k => full == k || full.StartsWith(k + "/", StringComparison.Ordinal))
            && !full.StartsWith("/dev/shm/", StringComparison.Ordinal))
        {
            throw new LibraryUnusableException($"the output folder {full} is on a kernel file system ({full.Split('/')[1]}); choose a folder on a disk");
        }

        // The nearest folder that exists is where the library (or its first missing parent) would be created.
        var existing = full;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                throw new LibraryUnusableException(existing == full
                    ? $"the output folder {full} is a file, not a folder"
                    : $"the output folder {full} cannot be created: {existing} is a file");
            }

            var parent = Path.GetDirectoryName(existing);
            if (parent is null)
            {
                return;
            }

            existing = parent;
        }

        if (!OperatingSystem.IsWindows() && Writable(existing) is { } reason)
        {
            throw new LibraryUnusableException($"the output folder {full} is not writable: {existing} is {reason}");
        }
    }

    /// <summary>Asks the kernel (access(2)), which also answers for root: a read-only mount or an immutable folder.</summary>
    private static string? Writable(string folder)
    {
        try
        {
            if (Access(folder, WriteAndSearch) == 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // cannot ask: the first placement will tell
        }

        return Marshal.GetLastPInvokeError() switch
        {
            30 => "on a read-only file system",
            1 => "immutable (chattr +i)",
            13 => "not writable for this user (permission denied)",
            var errno => $"not writable (errno {errno})",
        };
    }

    // DllImport, not LibraryImport: the generated marshalling would need unsafe code in Core.
    [DllImport("libc", EntryPoint = "access", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);
}
