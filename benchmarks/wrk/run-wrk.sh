#!/usr/bin/env bash
# The HTTP figure: wrk against the sample application's POST /events, with batching on and with
# batch.max-size 1 (batching off), on the loopback interface only, for a fixed short time.
#
#   benchmarks/wrk/run-wrk.sh [output.properties]
#
# Needs wrk (apt-get install wrk) and the sample jar (./mvnw -pl sample-app -am package).
# Tunables: WRK_THREADS (2), WRK_CONNECTIONS (64), WRK_WARMUP (15s), WRK_DURATION (10s), PORT (18080).
# With BENCH_PG_URL (a jdbc:postgresql URL; BENCH_PG_USER, BENCH_PG_PASSWORD) also against PostgreSQL.
set -euo pipefail

cd "$(dirname "$0")/../.."
OUT=${1:-benchmarks/target/wrk.properties}
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
THREADS=${WRK_THREADS:-2}
CONNECTIONS=${WRK_CONNECTIONS:-64}
WARMUP=${WRK_WARMUP:-15s}
DURATION=${WRK_DURATION:-10s}
PORT=${PORT:-18080}
URL="http://127.0.0.1:$PORT/events"
SCRIPT=benchmarks/wrk/post-event.lua

JAR=$(ls sample-app/target/sample-app-*.jar 2>/dev/null | grep -v -E -- '-(plain|sources|javadoc)\.jar$' | head -1 || true)
if [ -z "$JAR" ]; then
    echo "No sample jar: build it with ./mvnw -pl sample-app -am package" >&2
    exit 1
fi
command -v wrk > /dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
mkdir -p "$(dirname "$OUT")"
LOGDIR=$(dirname "$OUT")

APP_PID=
stop_app() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2> /dev/null; then
        kill "$APP_PID"
        wait "$APP_PID" 2> /dev/null || true
    fi
    APP_PID=
}
trap stop_app EXIT

# Runs one configuration: name, label, extra application arguments.
measure() {
    local name=$1 label=$2
    shift 2
    echo "-- $label"
    "$JAVA" -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" "$@" > "$LOGDIR/sample-$name.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 120); do
        if curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
                -d '{"type":"warmup","payload":"x"}' "$URL"; then
            break
        fi
        kill -0 "$APP_PID" 2> /dev/null || { echo "The sample did not start: see $LOGDIR/sample-$name.log" >&2; exit 1; }
        sleep 0.5
    done
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$SCRIPT" "$URL" > /dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$SCRIPT" "$URL" | tee "$LOGDIR/wrk-$name.txt"
    stop_app
    local rps p99 errors
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$LOGDIR/wrk-$name.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$LOGDIR/wrk-$name.txt")
    errors=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {n += 1} END {print n + 0}' \
        "$LOGDIR/wrk-$name.txt")
    {
        echo "$name.label=$label"
        echo "$name.rps=$rps"
        echo "$name.p99=$p99"
        echo "$name.errors=$errors"
    } >> "$OUT"
}

: > "$OUT"
echo "command=wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s $SCRIPT $URL (after a $WARMUP warm-up)" >> "$OUT"
if [ -z "${BENCH_PG_URL:-}" ]; then
    echo "configs=batching-on,batching-off" >> "$OUT"
else
    echo "configs=batching-on,batching-off,postgres-batching-on,postgres-batching-off" >> "$OUT"
fi
measure batching-on "H2 in memory, batching on (the sample's settings)"
measure batching-off "H2 in memory, batch.max-size 1" --actors.workers.event-writer.batch.max-size=1
if [ -n "${BENCH_PG_URL:-}" ]; then
    PG=(--spring.profiles.active=postgres --spring.datasource.url="$BENCH_PG_URL"
        --spring.datasource.username="${BENCH_PG_USER:-postgres}" --spring.datasource.password="${BENCH_PG_PASSWORD:-postgres}")
    measure postgres-batching-on "PostgreSQL, batching on (the sample's settings)" "${PG[@]}"
    measure postgres-batching-off "PostgreSQL, batch.max-size 1" "${PG[@]}" \
        --actors.workers.event-writer.batch.max-size=1
fi
cat "$OUT"
