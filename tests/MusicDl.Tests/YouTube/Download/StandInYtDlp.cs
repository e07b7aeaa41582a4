using MusicDl.Tests.TestSupport;

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

    public static StandInYtDlp Create(string folder, string sourceFile, bool fail = false, string failure = "Video unavailable")
    {
        Directory.CreateDirectory(folder);
        var stand = new StandInYtDlp(folder);
        var extension = Path.GetExtension(sourceFile).TrimStart('.');
        var body = fail
            ? $"echo 'ERROR: [youtube] AjXQiKP5kMs: {failure.Replace("'", "'\\''", StringComparison.Ordinal)}' >&2\nexit 1\n"
            : $$"""
              [ "$1" = "--ignore-config" ] || { echo "ERROR: the user's yt-dlp config is not ignored" >&2; exit 2; }
              [ "$2" = "-f" ] || { echo "ERROR: no format selection" >&2; exit 2; }
              case "$3" in 'bestaudio[ext=m4a]/bestaudio/best'|'bestaudio[acodec=opus]/bestaudio/best'|'bestaudio/best') ;; *) echo "ERROR: bad format selection $3" >&2; exit 2;; esac
              [ "$4" = "-o" ] || { echo "ERROR: no -o" >&2; exit 2; }
              template="$5"
              case "$template" in *'.%(ext)s') ;; *) echo "ERROR: bad output template" >&2; exit 2;; esac
              [ "$6" = "--no-playlist" ] && [ "$7" = "--no-progress" ] || { echo "ERROR: missing flags" >&2; exit 2; }
              shift 7
              if [ "$1" = "--cookies" ]; then
                [ -f "$2" ] || { echo "ERROR: cookies file missing" >&2; exit 2; }
                shift 2
              fi
              while [ "$1" = "--js-runtimes" ]; do
                [ -n "$2" ] || { echo "ERROR: --js-runtimes without a runtime" >&2; exit 2; }
                shift 2
              done
              while [ $# -gt 1 ]; do shift; done
              case "$1" in http*'/watch?v='???????????) ;; *) echo "ERROR: bad url $1" >&2; exit 2;; esac
              target=$(printf '%s' "$template" | sed 's/%(ext)s$/{{extension}}/')
              printf 'partial' > "$target.part"
              cp '{{sourceFile}}' "$target"
              rm -f "$target.part"

              """;
        ShellTool.Install(stand.Executable, $"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{stand.ArgsLog}'\n{body}");
        return stand;
    }
}
