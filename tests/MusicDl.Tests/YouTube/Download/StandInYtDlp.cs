namespace MusicDl.Tests.YouTube.Download;

/// <summary>
/// A shell script standing in for yt-dlp: it checks the arguments of musicdl's fallback call, logs them, and copies a
/// prepared m4a to the output template (or fails like yt-dlp when told to).
/// </summary>
internal sealed class StandInYtDlp
{
    private StandInYtDlp(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    public string Executable => Path.Combine(Folder, "yt-dlp");

    public string ArgsLog => Path.Combine(Folder, "args.txt");

    public bool WasRun => File.Exists(ArgsLog);

    public IReadOnlyList<string> Arguments => File.ReadAllLines(ArgsLog);

    public static StandInYtDlp Create(string folder, string sourceFile, bool fail = false)
    {
        Directory.CreateDirectory(folder);
        var stand = new StandInYtDlp(folder);
        var body = fail
            ? "echo 'ERROR: [youtube] AjXQiKP5kMs: Video unavailable' >&2\nexit 1\n"
            : $$"""
              [ "$1" = "-f" ] && [ "$2" = "bestaudio[ext=m4a]/bestaudio/best" ] || { echo "ERROR: bad format selection" >&2; exit 2; }
              [ "$3" = "-o" ] || { echo "ERROR: no -o" >&2; exit 2; }
              template="$4"
              case "$template" in *'.%(ext)s') ;; *) echo "ERROR: bad output template" >&2; exit 2;; esac
              [ "$5" = "--no-playlist" ] && [ "$6" = "--no-progress" ] || { echo "ERROR: missing flags" >&2; exit 2; }
              shift 6
              if [ "$1" = "--cookies" ]; then
                [ -f "$2" ] || { echo "ERROR: cookies file missing" >&2; exit 2; }
                shift 2
              fi
              case "$1" in http*'/watch?v='???????????) ;; *) echo "ERROR: bad url $1" >&2; exit 2;; esac
              [ $# -eq 1 ] || { echo "ERROR: extra arguments" >&2; exit 2; }
              target=$(printf '%s' "$template" | sed 's/%(ext)s$/m4a/')
              printf 'partial' > "$target.part"
              cp '{{sourceFile}}' "$target"
              rm -f "$target.part"

              """;
        File.WriteAllText(stand.Executable, $"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{stand.ArgsLog}'\n{body}");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The yt-dlp stand-in is a POSIX shell script.");
        }

        File.SetUnixFileMode(stand.Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return stand;
    }
}
