#!/usr/bin/env bash
# Issue 22, part 2: what LRCLIB and MusicBrainz being down cost a run. A playlist of TRACKS generated tracks on the
# fake server, lyrics: embed, musicbrainz: true, request_timeout: 5, 4 threads. For each state of the two services
# (up; refused: their URLs point at a closed loopback port; black-holed: the fake accepts and never answers) a fresh
# library gets a cold run, then the warm re-run of the unchanged playlist is timed. Prints per run: exit code, wall
# time, lines on stderr about the two services, and the requests the fake LRCLIB and MusicBrainz received.
#
# Usage: bench/optional-outage.sh [TRACKS] (default 100). Environment: LATENCY_MS (50), AUDIO_SECONDS (5),
# REQUEST_TIMEOUT (5), THREADS (4), WARM_RUNS (1: the warm re-run that many times), SKIP_BUILD=1 (use the solution's
# Release build), KEEP=1 (keep the work folder). "Lines about them" counts log lines (WRN, INF, ...) naming either
# service, not the cache statistics table.
set -euo pipefail
{
TRACKS=${1:-100}
LATENCY_MS=${LATENCY_MS:-50}
AUDIO_SECONDS=${AUDIO_SECONDS:-5}
REQUEST_TIMEOUT=${REQUEST_TIMEOUT:-5}
THREADS=${THREADS:-4}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/musicdl-outage.XXXXXX)
OUT=$WORK/bin
SERVER_PID=
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; fi
    if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$WORK"; else echo "work folder kept: $WORK" >&2; fi
}
trap cleanup EXIT

if [[ "${SKIP_BUILD:-0}" == 1 ]]; then
    mkdir -p "$OUT"
    ln -s "$ROOT/src/MusicDl.Cli/bin/Release/net10.0" "$OUT/musicdl"
    ln -s "$ROOT/tools/MusicDl.FakeServer/bin/Release/net10.0" "$OUT/server"
else
    echo "== building Release into $OUT" >&2
    dotnet publish "$ROOT/src/MusicDl.Cli/MusicDl.Cli.csproj" -c Release -o "$OUT/musicdl" -nologo -v quiet >&2
    dotnet build "$ROOT/tools/MusicDl.FakeServer/MusicDl.FakeServer.csproj" -c Release -o "$OUT/server" -nologo -v quiet >&2
fi

# A loopback port nothing listens on: connections to it are refused at once.
CLOSED_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

printf '%-12s %-5s %5s %8s %7s %7s %s\n' state run exit wall_s lrclib mbrainz "lines about them (first)" >"$WORK/table"
for state in up refused black-holed; do
    args=(--tracks "$TRACKS" --latency-ms "$LATENCY_MS" --audio-seconds "$AUDIO_SECONDS")
    [[ "$state" == black-holed ]] && args+=(--black-hole optional)
    coproc SERVER { exec dotnet "$OUT/server/MusicDl.FakeServer.dll" "${args[@]}"; }
    SERVER_PID=$SERVER_PID
    ENVS=()
    while read -r line <&"${SERVER[0]}"; do
        [[ "$line" == ready ]] && break
        ENVS+=("$line")
    done
    PLAYLIST= COUNTERS=
    for e in "${ENVS[@]}"; do
        [[ "$e" == BENCH_PLAYLIST_URL=* ]] && PLAYLIST=${e#BENCH_PLAYLIST_URL=}
        [[ "$e" == BENCH_COUNTERS_URL=* ]] && COUNTERS=${e#BENCH_COUNTERS_URL=}
    done
    if [[ "$state" == refused ]]; then
        ENVS+=("MUSICDL_LRCLIB_URL=http://127.0.0.1:$CLOSED_PORT" "MUSICDL_MUSICBRAINZ_URL=http://127.0.0.1:$CLOSED_PORT")
    fi
    RUN=$WORK/$state
    mkdir -p "$RUN/lib" "$RUN/home" "$RUN/cache" "$RUN/config"
    cat >"$RUN/config.yaml" <<YAML
download:
  format: m4a
  bitrate: auto
  threads: $THREADS
  output_dir: "$RUN/lib"
  spotify_rate_limit_requests: 1000
  request_timeout: $REQUEST_TIMEOUT
  lyrics: embed
  musicbrainz: true
YAML
    for run in cold $(for i in $(seq "${WARM_RUNS:-1}"); do echo warm; done); do
        before=$(curl -s "$COUNTERS")
        start=$(date +%s.%N)
        set +e
        env "${ENVS[@]}" HOME="$RUN/home" XDG_CACHE_HOME="$RUN/cache" XDG_CONFIG_HOME="$RUN/config" NO_COLOR=1 \
            dotnet "$OUT/musicdl/musicdl.dll" --config "$RUN/config.yaml" download "$PLAYLIST" --json \
            >"$RUN/$run.jsonl" 2>"$RUN/$run.stderr"
        code=$?
        set -e
        end=$(date +%s.%N)
        after=$(curl -s "$COUNTERS")
        lines=$(grep -cE '^[A-Z]{3} .*(LRCLIB|MusicBrainz)' "$RUN/$run.stderr" || true)
        first=$(grep -m1 -E '^[A-Z]{3} .*(LRCLIB|MusicBrainz)' "$RUN/$run.stderr" | cut -c1-150 || true)
        printf '%-12s %-5s %5s %8.2f %7s %7s %s %s\n' "$state" "$run" "$code" "$(echo "$end - $start" | bc)" \
            "$(jq -rn --argjson a "$before" --argjson b "$after" '$b.lrclib - $a.lrclib')" \
            "$(jq -rn --argjson a "$before" --argjson b "$after" '$b.musicbrainz - $a.musicbrainz')" \
            "$lines" "$first" | tee -a "$WORK/table" >&2
    done
    kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
done

echo
echo "optional services down: $TRACKS tracks, ${AUDIO_SECONDS} s audio, ${LATENCY_MS} ms per response, request_timeout $REQUEST_TIMEOUT, $THREADS threads, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$WORK/table"
exit
}
