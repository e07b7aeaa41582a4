#!/usr/bin/env bash
# Interleaved warm re-syncs of two published musicdl binaries on a library seeded by
# `WARM_SEED=1 WORK_DIR=DIR bench/scenario.sh N` (issue 22 §3, docs/performance.md): on a shared machine the load
# drifts between runs, so A and B take turns. Starts the fake server that scenario.sh built into DIR/bin/server
# (50 ms per response, N tracks) and prints one line per run: binary, wall s, user+system CPU s, max RSS MB, load.
# Usage: bench/warm-pair.sh DIR N RUNS BIN_A [BIN_B]   (MUSICDL_PHASES=1 in the environment adds the phase table
# of each run to DIR/pair-*.stderr)
set -euo pipefail
WORK=$(cd "$1" && pwd); TRACKS=$2; RUNS=$3; shift 3
SANDBOX=$WORK/eight
dotnet "$WORK/bin/server/MusicDl.FakeServer.dll" --tracks "$TRACKS" --latency-ms 50 --audio-seconds 30 >"$WORK/pair.env" 2>"$WORK/pair.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 600); do grep -qx ready "$WORK/pair.env" 2>/dev/null && break; sleep 0.2; done
set -a; source <(grep = "$WORK/pair.env"); set +a
for i in $(seq "$RUNS"); do
    for bin in "$@"; do
        name=pair-$(basename "$(dirname "$bin")")-$i
        env -u MUSICDL_CONFIG HOME="$SANDBOX/home" XDG_CONFIG_HOME="$SANDBOX/config" XDG_CACHE_HOME="$SANDBOX/cache" NO_COLOR=1 \
            /usr/bin/time -o "$WORK/$name.time" -f "%e %U %S %M" \
            "$bin" --config "$SANDBOX/musicdl.yaml" download "$BENCH_PLAYLIST_URL" --json --threads 8 \
            >"$WORK/$name.jsonl" 2>"$WORK/$name.stderr"
        read -r wall user sys rss <"$WORK/$name.time"
        skipped=$(jq -r .summary.skipped < <(tail -n 1 "$WORK/$name.jsonl"))
        awk -v b="$bin" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v k="$skipped" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
            'BEGIN { printf "%-40s wall %5.2f s  cpu %5.2f s  rss %4.0f MB  skipped %s  load %s\n", b, w, u + s, r / 1024, k, l }'
    done
done
