using System.Runtime.InteropServices;

namespace MusicDl.Library;

/// <summary>Creates hard links (.NET has no API for them); callers fall back to a copy when this returns false.</summary>
internal static class HardLink
{
    public static bool TryCreate(string existingPath, string newPath)
    {
        try
        {
            return OperatingSystem.IsWindows()
                ? CreateHardLinkW(newPath, existingPath, IntPtr.Zero)
                : Link(existingPath, newPath) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport, not LibraryImport: the generated marshalling would need unsafe code in Core.
    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existingPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);

    [DllImport("kernel32.dll", EntryPoint = "CreateHardLinkW", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CreateHardLinkW(
        [MarshalAs(UnmanagedType.LPWStr)] string newPath,
        [MarshalAs(UnmanagedType.LPWStr)] string existingPath,
        IntPtr securityAttributes);
}
