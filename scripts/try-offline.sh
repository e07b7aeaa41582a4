#!/usr/bin/env bash
# Try musicdl with no Spotify account and no network: builds the CLI (Release), starts the bundled fake services
# (tools/MusicDl.FakeServer --demo: a public playlist of 12 tracks, a local file and an episode) on a free loopback
# port, reads the playlist from its public page (no credentials), downloads it into DIR with live progress, shows
# the files, the tags of one, and a second run proving the warm re-sync (one page request, nothing downloaded). Stops what it started, also on Ctrl+C.
#
# Usage: scripts/try-offline.sh [DIR]   (default ./try-offline-music)
# Needs the .NET SDK and ffmpeg (with ffprobe). Uses its own config, cache and login folders in a temporary folder,
# never yours. MUSICDL_TRY_NO_BUILD=1 reuses the Release builds already in src/ and tools/ (the end-to-end test does);
# MUSICDL_TEST_BINARY=FILE runs that published musicdl (CI's native AOT file) instead of the build in src/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-./try-offline-music}

for tool in ffmpeg ffprobe; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "try-offline: $tool not found. Install ffmpeg (it brings ffprobe) and run again:" >&2
        echo "  Debian/Ubuntu: sudo apt-get install ffmpeg   macOS: brew install ffmpeg   Windows: winget install ffmpeg" >&2
        exit 3
    fi
done
if ! command -v dotnet >/dev/null 2>&1; then
    echo "try-offline: the .NET SDK (dotnet) was not found; get .NET 10 from https://dot.net and run again." >&2
    exit 3
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/musicdl-try.XXXXXX")
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then
        kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'echo "try-offline: interrupted" >&2; exit 130' INT TERM

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# An empty or unset HOME: the SDK still needs a folder of its own for its first-run files.
if [[ -z "${HOME:-}" ]]; then export HOME=$WORK/sdk-home DOTNET_CLI_HOME=$WORK/sdk-home; mkdir -p "$HOME"; fi

CLI=$ROOT/src/MusicDl.Cli/bin/Release/net10.0/musicdl.dll
CLI_COMMAND=(dotnet "$CLI")
if [[ -n "${MUSICDL_TEST_BINARY:-}" ]]; then CLI_COMMAND=("$MUSICDL_TEST_BINARY"); fi
SERVER=$ROOT/tools/MusicDl.FakeServer/bin/Release/net10.0/MusicDl.FakeServer.dll
if [[ "${MUSICDL_TRY_NO_BUILD:-0}" != 1 ]]; then
    echo "== building musicdl and the fake services (Release; the first time restores packages from NuGet)"
    dotnet build "$ROOT/src/MusicDl.Cli/MusicDl.Cli.csproj" -c Release -nologo -v quiet </dev/null >"$WORK/build.log" 2>&1 \
        || { cat "$WORK/build.log" >&2; exit 1; }
    dotnet build "$ROOT/tools/MusicDl.FakeServer/MusicDl.FakeServer.csproj" -c Release -nologo -v quiet </dev/null >>"$WORK/build.log" 2>&1 \
        || { cat "$WORK/build.log" >&2; exit 1; }
fi

echo "== starting the fake Spotify and YouTube services on 127.0.0.1"
dotnet "$SERVER" --demo --latency-ms 0 --audio-seconds 8 </dev/null >"$WORK/server.env" 2>"$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 600); do
    grep -qx ready "$WORK/server.env" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.err" >&2; echo "try-offline: the fake services did not start" >&2; exit 1; }
    sleep 0.1
done
grep -qx ready "$WORK/server.env" || { echo "try-offline: the fake services did not start within 60 s" >&2; exit 1; }
# No Spotify credentials: the playlist is read from its public page, as for anyone with a link.
set -a; source <(grep -E '^(MUSICDL_|PLAYLIST_URL)' "$WORK/server.env"); set +a
unset SPOTIFY_CLIENT_ID SPOTIFY_CLIENT_SECRET
echo "   Spotify public pages: $MUSICDL_SPOTIFY_OPEN_URL, YouTube Music: $MUSICDL_YTMUSIC_URL"

# The sandbox: its own HOME, config, cache, data and state folders and config file.
mkdir -p "$WORK/home" "$WORK/config" "$WORK/cache" "$WORK/data" "$WORK/state" "$DIR"
DIR=$(cd "$DIR" && pwd)
cat >"$WORK/musicdl.yaml" <<YAML
download:
  format: m4a
  bitrate: auto
  output_dir: "$DIR"
YAML
musicdl() {
    env -u MUSICDL_CONFIG HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_CACHE_HOME="$WORK/cache" \
        XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" \
        "${CLI_COMMAND[@]}" --config "$WORK/musicdl.yaml" "$@" </dev/null
}

echo
echo "== musicdl download $PLAYLIST_URL"
musicdl download "$PLAYLIST_URL" || { echo "try-offline: the download failed (exit $?)" >&2; exit 1; }

echo
echo "== the files in $DIR"
(cd "$DIR" && find . -path ./.musicdl -prune -o -type f -print | sort | sed 's#^\./#  #')

FILE=$(find "$DIR" -path "$DIR/.musicdl" -prune -o -type f -name '*.m4a' -print | sort | head -n 1)
echo
echo "== the tags of ${FILE#"$DIR"/} (ffprobe)"
ffprobe -v error -show_entries format_tags -of default=noprint_wrappers=1 "$FILE" | sed 's/^TAG:/  /'
ffprobe -v error -select_streams v -show_entries stream=codec_name,width,height -of csv=p=0 "$FILE" \
    | sed 's/^/  cover: /'

echo
echo "== again: the warm re-sync (playlist unchanged: its one page, nothing downloaded)"
musicdl download "$PLAYLIST_URL" || { echo "try-offline: the re-sync failed (exit $?)" >&2; exit 1; }

echo
echo "Done. The music is in $DIR; try 'musicdl --help' next, or see README.md for the real thing."
exit 0
