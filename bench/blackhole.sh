#!/usr/bin/env bash
# Issue 12, "Done when": with one service black-holed (accepts the connection, never answers), a download run with
# --request-timeout 5 must end by itself: exit 3 naming the service (search, player, media, spotify), or exit 0/1
# with the audio placed (covers). Prints per service: exit code, wall time, the last stderr line.
#
# Usage: bench/blackhole.sh [TRACKS] [SERVICES...]   (default 46 tracks; services: search player media spotify covers)
# Environment: REQUEST_TIMEOUT (5), THREADS (4), AUDIO_SECONDS (5), SKIP_BUILD=1 (use the solution's Release build).
set -euo pipefail
{
TRACKS=${1:-46}
shift || true
SERVICES=("$@")
if [[ ${#SERVICES[@]} -eq 0 ]]; then SERVICES=(search player media spotify covers); fi
REQUEST_TIMEOUT=${REQUEST_TIMEOUT:-5}
THREADS=${THREADS:-4}
AUDIO_SECONDS=${AUDIO_SECONDS:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/musicdl-blackhole.XXXXXX)
OUT=$WORK/bin
SERVER_PID=
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [[ "${SKIP_BUILD:-0}" == 1 ]]; then
    # The solution's own Release build (dotnet build MusicDl.sln -c Release).
    mkdir -p "$OUT"
    ln -s "$ROOT/src/MusicDl.Cli/bin/Release/net10.0" "$OUT/musicdl"
    ln -s "$ROOT/tools/MusicDl.FakeServer/bin/Release/net10.0" "$OUT/server"
else
    echo "== building Release into $OUT" >&2
    dotnet publish "$ROOT/src/MusicDl.Cli/MusicDl.Cli.csproj" -c Release -o "$OUT/musicdl" -nologo -v quiet >&2
    dotnet build "$ROOT/tools/MusicDl.FakeServer/MusicDl.FakeServer.csproj" -c Release -o "$OUT/server" -nologo -v quiet >&2
fi

printf '%-8s %5s %9s  %s\n' service exit wall_s "last stderr line"
for service in "${SERVICES[@]}"; do
    RUN=$WORK/$service
    mkdir -p "$RUN/lib" "$RUN/home" "$RUN/cache" "$RUN/config"
    coproc SERVER { exec dotnet "$OUT/server/MusicDl.FakeServer.dll" --tracks "$TRACKS" --latency-ms 0 --audio-seconds "$AUDIO_SECONDS" --black-hole "$service"; }
    SERVER_PID=$SERVER_PID
    ENVS=()
    while read -r line <&"${SERVER[0]}"; do
        [[ "$line" == ready ]] && break
        ENVS+=("$line")
    done
    PLAYLIST=
    for e in "${ENVS[@]}"; do [[ "$e" == BENCH_PLAYLIST_URL=* ]] && PLAYLIST=${e#BENCH_PLAYLIST_URL=}; done
    cat > "$RUN/config.yaml" <<YAML
download:
  format: m4a
  bitrate: auto
  threads: $THREADS
  output_dir: "$RUN/lib"
  spotify_rate_limit_requests: 1000
YAML
    start=$(date +%s.%N)
    set +e
    env "${ENVS[@]}" HOME="$RUN/home" XDG_CACHE_HOME="$RUN/cache" XDG_CONFIG_HOME="$RUN/config" \
        dotnet "$OUT/musicdl/musicdl.dll" --config "$RUN/config.yaml" download "$PLAYLIST" --json --request-timeout "$REQUEST_TIMEOUT" \
        >"$RUN/out.jsonl" 2>"$RUN/err.txt"
    code=$?
    set -e
    end=$(date +%s.%N)
    placed=$(find "$RUN/lib" -name '*.m4a' -not -name '.*' | wc -l)
    printf '%-8s %5s %9.1f  %s (placed %s)\n' "$service" "$code" "$(echo "$end - $start" | bc)" \
        "$( (grep '^musicdl: ' "$RUN/err.txt" || grep '^WRN' "$RUN/err.txt" || true) | tail -n 1 | cut -c1-200)" "$placed"
    kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
done
}
