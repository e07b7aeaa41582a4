namespace MusicDl.Audio;

/// <summary>Removes a file left by a failed or cancelled step, best effort (the library helper sweeps what stays).</summary>
internal static class FileCleanup
{
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
