using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MusicDl.Spotify;

/// <summary>
/// The saved user login: <c>$XDG_CONFIG_HOME/musicdl/spotify-login-{client}.json</c>, mode 0600, written
/// atomically. Refreshes run under an exclusive lock file (and an in-process gate), and re-read the file
/// once inside, so two runs refreshing at once do not lose a rotated refresh token.
/// </summary>
internal sealed class SpotifyLoginStore
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ProcessGates = new(StringComparer.Ordinal);

    private readonly Action? _lockBusy;

    public SpotifyLoginStore(string directory, string clientId, Action? lockBusy = null)
    {
        _lockBusy = lockBusy;
        Directory = directory;
        ClientId = clientId;
        FilePath = Path.Combine(directory, $"spotify-login-{FileKey(clientId)}.json");
    }

    public string Directory { get; }

    public string ClientId { get; }

    public string FilePath { get; }

    private string LockPath => FilePath + ".lock";

    public bool Exists => File.Exists(FilePath);

    public async Task<SavedLogin?> LoadAsync(CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(FilePath, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            var saved = JsonSerializer.Deserialize(text, SpotifyCacheJsonContext.Default.SavedLogin);
            return saved is not null && saved.ClientId == ClientId ? saved : null;
        }
        catch (JsonException)
        {
            throw SpotifyFailure.Unauthorized($"The saved Spotify login in {FilePath} is damaged; run `musicdl auth logout` then `musicdl auth login`.");
        }
    }

    public async Task SaveAsync(SavedLogin login, CancellationToken cancellationToken)
    {
        EnsureDirectory();
        var temp = FilePath + $".{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            var stream = new FileStream(temp, options);
            await using (stream.ConfigureAwait(false))
            {
                await JsonSerializer.SerializeAsync(stream, login, SpotifyCacheJsonContext.Default.SavedLogin, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, FilePath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public bool Delete()
    {
        if (!File.Exists(FilePath))
        {
            return false;
        }

        File.Delete(FilePath);
        return true;
    }

    /// <summary>
    /// Runs <paramref name="update"/> on the current saved login while holding the lock; it returns the login to
    /// save, or null to keep the file as is. Returns what the file holds afterwards.
    /// </summary>
    public async Task<SavedLogin?> UpdateUnderLockAsync(Func<SavedLogin?, Task<SavedLogin?>> update, CancellationToken cancellationToken)
    {
        EnsureDirectory();
        var gate = ProcessGates.GetOrAdd(LockPath, _ => new SemaphoreSlim(1, 1));
        var entered = gate.WaitAsync(cancellationToken);
        if (!entered.IsCompleted)
        {
            _lockBusy?.Invoke();
        }

        await entered.ConfigureAwait(false);
        try
        {
            var lockFile = await AcquireFileLockAsync(cancellationToken).ConfigureAwait(false);
            await using (lockFile.ConfigureAwait(false))
            {
                var current = await LoadAsync(cancellationToken).ConfigureAwait(false);
                var next = await update(current).ConfigureAwait(false);
                if (next is null)
                {
                    return current;
                }

                await SaveAsync(next, cancellationToken).ConfigureAwait(false);
                return next;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        // FileShare.None takes an exclusive flock on Unix: another process waits here until the holder is done.
        // Polled in real time (a minute at most): the holder is another process, outside any test clock.
        const int attempts = 1200;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < attempts)
            {
                if (attempt == 1)
                {
                    _lockBusy?.Invoke();
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw SpotifyFailure.Unauthorized($"Another musicdl run has held the login lock {LockPath} for a minute; try again.", ex);
            }
        }
    }

    private void EnsureDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Client ids are 32 hex characters; anything else is hashed so it cannot shape the path.</summary>
    private static string FileKey(string clientId) =>
        clientId.Length is > 0 and <= 64 && clientId.All(char.IsAsciiLetterOrDigit)
            ? clientId
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientId)))[..32];
}
