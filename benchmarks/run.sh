#!/usr/bin/env bash
# Builds the benchmarks (and the sample), runs every scenario once, then writes benchmarks/RESULTS.md.
#
#   benchmarks/run.sh            # about 8 minutes on 2 cores
#   JMH_OPTS="-f 1 -wi 1 -w 1s -i 2 -r 1s" benchmarks/run.sh   # a quick look, numbers not worth keeping
#   SKIP_BUILD=1 benchmarks/run.sh   # reuse the jars already built
#   SCENARIOS=batching,group-commit,alloc benchmarks/run.sh
#                                 # only these scenarios (cast, call-latency, call-throughput, many-actors,
#                                 # batching, group-commit, alloc, heap, http); RESULTS.md keeps the other
#                                 # sections from the run that measured them
#   BENCH_PG_URL=jdbc:postgresql://127.0.0.1:5432/events benchmarks/run.sh
#                                 # also group commit on PostgreSQL (BENCH_PG_USER, BENCH_PG_PASSWORD:
#                                 # postgres by default), JMH and wrk: about 2 minutes more
#
# Java comes from JAVA_HOME, else from the PATH. On JDK 21+ the virtual-thread rows run too.
# The HTTP figure (wrk against the sample) runs when wrk is installed and the sample jar is built.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH="$ROOT/benchmarks"
RESULTS="$BENCH/target/results"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JMH_OPTS=${JMH_OPTS:-"-f 2 -wi 2 -w 1s -i 3 -r 1s"}
SCENARIOS=${SCENARIOS:-all}
# Optional: a PostgreSQL for the group-commit figures that matter (a commit waits for the disk there).
export BENCH_PG_URL=${BENCH_PG_URL:-} BENCH_PG_USER=${BENCH_PG_USER:-postgres} \
    BENCH_PG_PASSWORD=${BENCH_PG_PASSWORD:-postgres}
START=$(date +%s)
SOURCE=$(git status --porcelain -- actor-core benchmarks 2>/dev/null | grep -v 'RESULTS.md' | head -1 || true)
SOURCE="commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)${SOURCE:+ (with uncommitted changes in actor-core or benchmarks)}"

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "== building the benchmark jar and the sample application"
    ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
    ./mvnw -B -ntp -q -pl sample-app -am package -DskipTests \
        || echo "== the sample did not build: no HTTP figure"
fi
JAR="$BENCH/target/benchmarks.jar"

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

JAVA_SPEC=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
COMMAND="${JAVA_HOME:+JAVA_HOME=<a JDK $JAVA_SPEC> }"
[ "$JMH_OPTS" != "-f 2 -wi 2 -w 1s -i 3 -r 1s" ] && COMMAND="${COMMAND}JMH_OPTS=\"$JMH_OPTS\" "
[ "$SCENARIOS" != all ] && COMMAND="${COMMAND}SCENARIOS=$SCENARIOS "
[ -n "$BENCH_PG_URL" ] && COMMAND="${COMMAND}BENCH_PG_URL=<a PostgreSQL> "
COMMAND="${COMMAND}benchmarks/run.sh"
if [ "${JAVA_SPEC%%.*}" -ge 21 ]; then
    ACTORS="actors,actors-virtual"
else
    ACTORS="actors"
    echo "== JDK $JAVA_SPEC: no virtual threads, the actors-virtual rows are skipped"
fi

{
    echo "cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "cores=$(nproc)"
    echo "memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "os=$(uname -sr)"
    echo "command=$COMMAND"
    echo "jmh=$JMH_OPTS"
    echo "source=$SOURCE"
    echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "load.before=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "scenarios=$SCENARIOS"
} > "$RESULTS/env.properties"

# Whether a scenario is part of this run.
want() {
    [ "$SCENARIOS" = all ] || [[ ",$SCENARIOS," == *",$1,"* ]]
}

# jmh <result name> <benchmark[.method]> [impls] [fork JVM options] [more JMH options]
jmh() {
    local name=$1 benchmark=$2 params=${3:-} jvm=${4:-} extra=${5:-}
    echo "== $name"
    # shellcheck disable=SC2086
    "$JAVA" -jar "$JAR" "dev\.actors\.benchmarks\.$benchmark\b" $JMH_OPTS $extra ${params:+-p impl=$params} \
        ${jvm:+-jvmArgsAppend "$jvm"} -rf json -rff "$RESULTS/$name.json" | tee "$RESULTS/$name.log" | grep -E '^(Benchmark|[A-Z][A-Za-z]+\.)' || true
}

want cast && jmh cast CastBenchmark "$ACTORS,pekko,hand-rolled,raw-queue"
want call-latency && jmh call-latency CallLatencyBenchmark "$ACTORS,pekko,hand-rolled,raw-queue"
want call-throughput && jmh call-throughput CallThroughputBenchmark "$ACTORS,pekko,hand-rolled"
want many-actors && jmh many-actors ManyActorsBenchmark "$ACTORS,pekko"
want batching && jmh batching BatchingBenchmark
if want alloc; then
    # Bytes allocated per message (JMH's gc profiler): the hot path's floor is one envelope per message.
    jmh alloc-cast CastBenchmark.oneProducer "actors,pekko" "" "-prof gc"
    jmh alloc-call CallLatencyBenchmark.roundTrip "actors,pekko" "" "-prof gc"
    jmh alloc-batched-call BatchingBenchmark.callers16 "actors" "" "-prof gc"
fi
want group-commit && jmh group-commit GroupCommitBenchmark
if want group-commit && [ -n "${BENCH_PG_URL:-}" ]; then
    PG_VERSION=$(PGPASSWORD="$BENCH_PG_PASSWORD" psql "postgresql://$BENCH_PG_USER@${BENCH_PG_URL#jdbc:postgresql://}" \
        -Atc 'show server_version' 2> /dev/null | cut -d' ' -f1 || true)
    echo "postgres=PostgreSQL ${PG_VERSION:-(version unknown)}" >> "$RESULTS/env.properties"
    jmh group-commit-postgres GroupCommitBenchmark "" \
        "-Dbench.jdbcUrl=$BENCH_PG_URL -Dbench.jdbcUser=$BENCH_PG_USER -Dbench.jdbcPassword=$BENCH_PG_PASSWORD"
fi

if want heap; then
    echo "== heap per idle actor"
    for impl in actors pekko; do
        "$JAVA" -XX:+UseSerialGC -Xmx2g -cp "$JAR" dev.actors.benchmarks.HeapPerActor "$impl" 100000 \
            | tee "$RESULTS/heap-$impl.properties"
    done
fi

if ! want http; then
    echo "wrk.skipped=not part of this run (SCENARIOS=$SCENARIOS)" >> "$RESULTS/env.properties"
elif ! command -v wrk > /dev/null; then
    echo "wrk.skipped=wrk is not installed (apt-get install wrk)" >> "$RESULTS/env.properties"
elif ! ls "$ROOT"/sample-app/target/sample-app-*.jar > /dev/null 2>&1; then
    echo "wrk.skipped=the sample application jar was not built (./mvnw -pl sample-app -am package)" \
        >> "$RESULTS/env.properties"
else
    echo "== HTTP: wrk against the sample"
    "$BENCH/wrk/run-wrk.sh" "$RESULTS/wrk.properties" || echo "wrk.skipped=the wrk script failed" >> "$RESULTS/env.properties"
fi

END=$(date +%s)
{
    echo "load.after=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "duration=$(( (END - START) / 60 )) min $(( (END - START) % 60 )) s"
} >> "$RESULTS/env.properties"

"$JAVA" -cp "$JAR" dev.actors.benchmarks.ResultsWriter "$RESULTS" "$BENCH/RESULTS.md"
echo "== done in $(( END - START )) s: benchmarks/RESULTS.md"
