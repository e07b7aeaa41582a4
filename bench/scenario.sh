#!/usr/bin/env bash
# The scenario benchmark of issue 8: the Release musicdl binary against the fakes (tools/MusicDl.FakeServer) with
# 50 ms added to every response, on a playlist of TRACKS generated 30-second tracks, m4a stream copy, limiter raised.
# Runs: cold --threads 1, cold --threads 8, warm re-sync, format change (opus) with the files absent, warm --no-cache.
# Prints per run: exit code, wall time, requests per service (musicdl's JSON summary and the fake's own counters)
# and CPU seconds (and share of the wall time, 100% = one core) of musicdl, ffmpeg+ffprobe and the fake server.
#
# Usage: bench/scenario.sh [TRACKS] (default 1000).  Environment: LATENCY_MS (50), AUDIO_SECONDS (30),
# COLD1_TRACKS (default TRACKS: when set, the cold --threads 1 run, and a cold --threads 8 run to compare it with, use their
# own playlist of that size), BUILD=jit (default: framework-dependent publish) | r2r (framework-dependent, ReadyToRun
# for linux-x64; R2R=1 means the same) | single (self-contained single-file ReadyToRun) | aot (native AOT, the README's
# release form for Linux; needs clang and libsqlite3-dev),
# WARM_ONLY=1 (only the cold --threads 8 run that fills the library, then the warm re-sync), WARM_RUNS=N (the warm
# re-sync N times), WARM_SEED=1 (issue 22's large warm case: instead of the cold run, bench/MusicDl.WarmSeed fills the
# library, its state and the Spotify cache through the real pipeline with no search or download, each file a copy of
# one 1-second m4a made by ffmpeg; then one priming run and the warm re-syncs; implies WARM_ONLY=1),
# MUSICDL_BIN=path (an already published musicdl instead of publishing; BUILD then only names it), SERVER_PORT=N (the
# fake server's port, so a kept work folder can be run against a fake started again by hand), KEEP=1 keeps the
# work folder (per run: .jsonl output, .stderr, .requests = the fake's request lines, .ffmpeg = ffmpeg CPU per call).
# Each run's maximum resident set (KB, /usr/bin/time %M) is in the table's last column.
set -euo pipefail

# The whole script is one compound command, so bash has read all of it before running any: editing this file
# while a benchmark runs cannot change the running one.
{

TRACKS=${1:-1000}
LATENCY_MS=${LATENCY_MS:-50}
AUDIO_SECONDS=${AUDIO_SECONDS:-30}
COLD1_TRACKS=${COLD1_TRACKS:-$TRACKS}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# WORK_DIR=path keeps the work there (made if absent, never removed): a WARM_SEED run finding its library already
# seeded there (same TRACKS) skips the seeding, which takes minutes at 10,000 tracks.
if [[ -n "${WORK_DIR:-}" ]]; then
    mkdir -p "$WORK_DIR"
    WORK=$(cd "$WORK_DIR" && pwd)
    KEEP=1
else
    WORK=$(mktemp -d /tmp/musicdl-scenario.XXXXXX)
fi
OUT=$WORK/bin
SERVER_PIDS=()

cleanup() {
    for pid in "${SERVER_PIDS[@]}"; do
        kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    done
    if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$WORK"; else echo "work folder kept: $WORK" >&2; fi
}
trap cleanup EXIT

echo "== building Release (musicdl publish, fake server) into $OUT" >&2
BUILD=${BUILD:-jit}
if [[ "${R2R:-0}" == 1 ]]; then BUILD=r2r; fi
case "$BUILD" in
    jit) PUBLISH_ARGS=() ;;
    r2r) PUBLISH_ARGS=(-r linux-x64 --self-contained false -p:PublishReadyToRun=true) ;;
    single) PUBLISH_ARGS=(-r linux-x64 --self-contained -p:PublishSingleFile=true -p:PublishReadyToRun=true) ;;
    aot) PUBLISH_ARGS=(-r linux-x64 -p:PublishAot=true) ;;
    *) echo "BUILD must be jit, r2r, single or aot, not '$BUILD'" >&2; exit 2 ;;
esac
if [[ -n "${MUSICDL_BIN:-}" ]]; then
    MUSICDL=$MUSICDL_BIN
else
    dotnet publish "$ROOT/src/MusicDl.Cli/MusicDl.Cli.csproj" -c Release -o "$OUT/musicdl" -nologo -v quiet "${PUBLISH_ARGS[@]}" >&2
    MUSICDL=$OUT/musicdl/musicdl
fi
dotnet build "$ROOT/tools/MusicDl.FakeServer/MusicDl.FakeServer.csproj" -c Release -o "$OUT/server" -nologo -v quiet >&2
WARM_SEED=${WARM_SEED:-0}
if [[ "$WARM_SEED" == 1 ]]; then
    dotnet build "$ROOT/bench/MusicDl.WarmSeed/MusicDl.WarmSeed.csproj" -c Release -o "$OUT/seed" -nologo -v quiet >&2
fi

# ffmpeg and ffprobe behind wrappers that log each call's user and system CPU seconds (ffmpeg_path names the folder).
mkdir -p "$WORK/tools"
for tool in ffmpeg ffprobe; do
    cat >"$WORK/tools/$tool" <<WRAP
#!/bin/sh
exec /usr/bin/time -a -o "\$BENCH_FFMPEG_LOG" -f "%U %S" $(command -v $tool) "\$@"
WRAP
    chmod +x "$WORK/tools/$tool"
done

TICKS=$(getconf CLK_TCK)
proc_cpu() { awk -v t="$TICKS" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }

# start_server NAME TRACK_COUNT: starts a fake server, waits for "ready", leaves its variables in $WORK/NAME.env.
start_server() {
    local name=$1 count=$2
    local port=()
    if [[ "$name" == main && -n "${SERVER_PORT:-}" ]]; then port=(--port "$SERVER_PORT"); fi
    dotnet "$OUT/server/MusicDl.FakeServer.dll" --tracks "$count" --latency-ms "$LATENCY_MS" --audio-seconds "$AUDIO_SECONDS" "${port[@]}" \
        >"$WORK/$name.env" 2>"$WORK/$name.err" &
    SERVER_PIDS+=($!)
    SERVER_PID=$!
    for _ in $(seq 600); do
        grep -qx ready "$WORK/$name.env" 2>/dev/null && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/$name.err" >&2; exit 1; }
        sleep 0.2
    done
    echo "the fake server did not start" >&2
    exit 1
}

# new_sandbox NAME: HOME, XDG folders, library and the config (m4a stream copy, limiter raised, ffmpeg wrappers).
new_sandbox() {
    local dir=$WORK/$1
    mkdir -p "$dir/home" "$dir/config" "$dir/cache" "$dir/music"
    cat >"$dir/musicdl.yaml" <<YAML
download:
  format: m4a
  bitrate: auto
  output_dir: "$dir/music"
  spotify_rate_limit_requests: 1000
  spotify_retry_base_delay: 0.05
  ffmpeg_path: "$WORK/tools"
YAML
}

printf '%-26s %5s %5s %8s | %-22s | %-26s | %-44s | %s\n' run exit ok wall_s "summary spot/srch/ply/med" "fake spot(+tok)/srch/ply/med" \
    "cpu s (% of wall): musicdl, ffmpeg, fakes" "max RSS" >"$WORK/table"

# run NAME SANDBOX ENVFILE SERVER_PID musicdl-args...
run() {
    local name=$1 sandbox=$WORK/$2 envfile=$WORK/$3 server_pid=$4
    shift 4
    local before after summary log=$WORK/$name.ffmpeg
    : >"$log"
    set -a; source <(grep = "$envfile"); set +a
    before=$(curl -s "$BENCH_COUNTERS_URL")
    local fake_cpu0 fake_cpu1
    fake_cpu0=$(proc_cpu "$server_pid")
    echo "== $name: musicdl $*" >&2
    local rc=0
    env -u MUSICDL_CONFIG HOME="$sandbox/home" XDG_CONFIG_HOME="$sandbox/config" XDG_CACHE_HOME="$sandbox/cache" \
        NO_COLOR=1 BENCH_FFMPEG_LOG="$log" \
        /usr/bin/time -o "$WORK/$name.time" -f "%e %U %S %M" \
        "$MUSICDL" --config "$sandbox/musicdl.yaml" download "$BENCH_PLAYLIST_URL" --json "$@" \
        >"$WORK/$name.jsonl" 2>"$WORK/$name.stderr" || rc=$?
    fake_cpu1=$(proc_cpu "$server_pid")
    after=$(curl -s "$BENCH_COUNTERS_URL")
    # The run's request lines (path and query) for a closer look: sort | uniq -c on the path shows where they went.
    curl -s "${BENCH_COUNTERS_URL%/counters}/log?from=$(jq -r .log <<<"$before")" >"$WORK/$name.requests"
    grep -m1 " downloaded, " "$WORK/$name.stderr" >&2 || tail -n 3 "$WORK/$name.stderr" >&2
    summary=$(grep '"summary"' "$WORK/$name.jsonl" | tail -n 1 || true)
    summary=${summary:-'{}'}
    local wall user sys rss ff ok
    read -r wall user sys rss < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$WORK/$name.time")
    ff=$(awk '/^[0-9.]+ [0-9.]+$/ { s += $1 + $2 } END { printf "%.2f", s }' "$log")
    ok=$(jq -r '[.summary.downloaded, .summary.skipped, .summary.retagged] | add' <<<"$summary" 2>/dev/null || echo "?")
    local req fake
    req=$(jq -r '.summary.requests | "\(.spotify)/\(.search)/\(.player)/\(.media)"' <<<"$summary" 2>/dev/null || echo "?")
    fake=$(jq -rn --argjson a "$before" --argjson b "$after" \
        '"\($b.spotify_api - $a.spotify_api)(+\($b.spotify_token - $a.spotify_token))/\($b.search - $a.search)/\($b.player - $a.player)/\($b.media - $a.media)"')
    awk -v n="$name" -v rc="$rc" -v ok="$ok" -v w="$wall" -v u="$user" -v s="$sys" -v ff="$ff" -v f0="$fake_cpu0" -v f1="$fake_cpu1" \
        -v req="$req" -v fake="$fake" -v rss="$rss" 'BEGIN {
            own = u + s - ff; fk = f1 - f0; if (w <= 0) w = 0.01
            cpu = sprintf("%.2f (%.0f%%), %.1f (%.0f%%), %.1f (%.0f%%)", own, 100 * own / w, ff, 100 * ff / w, fk, 100 * fk / w)
            printf "%-26s %5s %5s %8.2f | %-22s | %-26s | %-44s | %.0f MB\n",
                n, rc, ok, w, req, fake, cpu, rss / 1024 }' >>"$WORK/table"
    tail -n 1 "$WORK/table" >&2
    WALL[$name]=$wall
}
declare -A WALL

start_server main "$TRACKS"
MAIN_PID=$SERVER_PID
if [[ "$COLD1_TRACKS" != "$TRACKS" ]]; then
    start_server cold1 "$COLD1_TRACKS"
    COLD1_ENV=cold1.env COLD1_PID=$SERVER_PID
else
    COLD1_ENV=main.env COLD1_PID=$MAIN_PID
fi

WARM_ONLY=${WARM_ONLY:-0}
if [[ "$WARM_SEED" == 1 ]]; then WARM_ONLY=1; fi
if [[ "$WARM_ONLY" != 1 ]]; then
    new_sandbox one
    run "cold, --threads 1 ($COLD1_TRACKS)" one "$COLD1_ENV" "$COLD1_PID" --threads 1
fi
if [[ "$WARM_ONLY" != 1 && "$COLD1_TRACKS" != "$TRACKS" ]]; then
    new_sandbox eight-small
    run "cold, --threads 8 ($COLD1_TRACKS)" eight-small "$COLD1_ENV" "$COLD1_PID" --threads 8
fi
if [[ "$WARM_SEED" == 1 && -f "$WORK/eight/music/.musicdl/state.db" ]]; then
    echo "== reusing the library seeded in $WORK/eight" >&2
    run "first run (reused seed)" eight main.env "$MAIN_PID" --threads 8
elif [[ "$WARM_SEED" == 1 ]]; then
    new_sandbox eight
    # One small valid file (1 s of silence, AAC in m4a), copied for every track by the seeding tool.
    ffmpeg -nostdin -loglevel error -f lavfi -i anullsrc=r=44100:cl=stereo -t 1 -c:a aac -b:a 32k "$WORK/seed.m4a"
    echo "== seeding $TRACKS tracks (no search, no download)" >&2
    seed_start=$(date +%s.%N)
    (set -a; source <(grep = "$WORK/main.env"); set +a
     env -u MUSICDL_CONFIG HOME="$WORK/eight/home" XDG_CONFIG_HOME="$WORK/eight/config" XDG_CACHE_HOME="$WORK/eight/cache" \
         dotnet "$OUT/seed/MusicDl.WarmSeed.dll" "$WORK/eight/musicdl.yaml" "$WORK/seed.m4a" "$BENCH_PLAYLIST_URL") >&2
    echo "seeded in $(awk -v a="$seed_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s" >&2
    run "first run after seeding" eight main.env "$MAIN_PID" --threads 8
else
    new_sandbox eight
    run "cold, --threads 8 ($TRACKS)" eight main.env "$MAIN_PID" --threads 8
fi
run "warm re-sync" eight main.env "$MAIN_PID" --threads 8
# WARM_RUNS=N repeats the warm re-sync (one run is ~1 s, so a single figure is at the mercy of the load).
for i in $(seq 2 "${WARM_RUNS:-1}"); do run "warm re-sync #$i" eight main.env "$MAIN_PID" --threads 8; done
if [[ "$WARM_ONLY" == 1 ]]; then
    echo
    echo "musicdl scenario benchmark ($BUILD build, warm only$([[ "$WARM_SEED" == 1 ]] && echo ", seeded library")): $TRACKS tracks, ${AUDIO_SECONDS} s audio, ${LATENCY_MS} ms per response, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    cat "$WORK/table"
    exit
fi
# Format change: the same cache and library state, none of the audio files, another format.
new_sandbox format
cp -a "$WORK/eight/cache/." "$WORK/format/cache/"
mkdir -p "$WORK/format/music" && cp -a "$WORK/eight/music/.musicdl" "$WORK/format/music/"
run "format change (opus)" format main.env "$MAIN_PID" --threads 8 --format opus
run "warm re-sync --no-cache" eight main.env "$MAIN_PID" --threads 8 --no-cache

echo
echo "musicdl scenario benchmark ($BUILD build): $TRACKS tracks (cold --threads 1: $COLD1_TRACKS), ${AUDIO_SECONDS} s audio, ${LATENCY_MS} ms per response, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$WORK/table"
awk -v a="${WALL["cold, --threads 1 ($COLD1_TRACKS)"]}" -v b="${WALL["cold, --threads 8 ($COLD1_TRACKS)"]}" -v n="$COLD1_TRACKS" \
    'BEGIN { printf "cold speed-up, --threads 8 over --threads 1 (%s tracks): %.2fx\n", n, a / b }'
exit
}
