package dev.actors.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one run's results (JMH's JSON files, the heap measurements, the wrk figures and the machine description
 * that {@code run.sh} leaves in a results directory) into {@code RESULTS.md}: the machine, the JDK, the command, one
 * table per scenario and the goals as ratios within the run. Everything below the end marker of an existing file
 * (the hand-written analysis) is kept.
 *
 * <p>Usage: {@code ResultsWriter <results-dir> <RESULTS.md>}.
 */
public final class ResultsWriter {

    static final String END_MARKER = "<!-- END OF GENERATED RESULTS: everything below is written by hand and kept -->";

    private static final String[] IMPLS = { "actors", "actors-virtual", "pekko", "hand-rolled", "raw-queue" };

    private static final String NA = "n/a";

    private final Map<String, Score> scores = new LinkedHashMap<>();

    private final Properties env = new Properties();

    private final Properties heapActors = new Properties();

    private final Properties heapPekko = new Properties();

    /** The key prefix of results measured against PostgreSQL. */
    private static final String POSTGRES = "postgres:";

    /** The key prefix of allocation results ({@code -prof gc}), from files named {@code alloc-*.json}. */
    private static final String ALLOC = "alloc:";

    /** How a section kept from the previous file starts. */
    private static final String KEPT_NOTE = "*Not measured in this run; kept from";

    /** The gc profiler's bytes allocated per operation. */
    private static final String ALLOC_METRIC = "gc.alloc.rate.norm";

    private final Properties wrk = new Properties();

    private String jdk = "unknown";

    private String jvmArgs = "";

    private ResultsWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: ResultsWriter <results-dir> <RESULTS.md>");
        }
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        ResultsWriter writer = new ResultsWriter();
        writer.read(dir);
        String kept = "\n## Analysis\n\n(Written by hand after looking at the numbers.)\n";
        String previous = "";
        if (Files.exists(out)) {
            String existing = Files.readString(out, StandardCharsets.UTF_8);
            int at = existing.indexOf(END_MARKER);
            if (at >= 0) {
                kept = existing.substring(at + END_MARKER.length());
                previous = existing.substring(0, at);
            }
        }
        Files.writeString(out, writer.render(previous) + END_MARKER + kept, StandardCharsets.UTF_8);
        System.out.println("Wrote " + out);
    }

    private void read(Path dir) throws IOException {
        ObjectMapper mapper = JsonMapper.builder().build();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            // The same benchmark run against PostgreSQL: its own keys, and its JVM options (the JDBC URL) are not
            // the forks' options of the run.
            String fileName = file.getFileName().toString();
            String prefix = fileName.endsWith("-postgres.json") ? POSTGRES : fileName.startsWith("alloc-") ? ALLOC : "";
            for (JsonNode result : mapper.readTree(file.toFile())) {
                String benchmark = result.get("benchmark").asString();
                String method = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
                String param = "";
                JsonNode params = result.get("params");
                if (params != null) {
                    List<String> values = new ArrayList<>();
                    params.forEach((value) -> values.add(value.asString()));
                    param = String.join(",", values);
                }
                // An allocation run's figure is the gc profiler's bytes per operation, not its throughput.
                JsonNode primary = prefix.equals(ALLOC) ? result.get("secondaryMetrics").get(ALLOC_METRIC)
                        : result.get("primaryMetric");
                if (primary == null) {
                    continue;
                }
                List<Double> iterations = new ArrayList<>();
                primary.get("rawData").forEach((fork) -> fork.forEach((value) -> iterations.add(number(value))));
                Collections.sort(iterations);
                int n = iterations.size();
                double median = (n % 2 == 1) ? iterations.get(n / 2)
                        : (iterations.get(n / 2 - 1) + iterations.get(n / 2)) / 2;
                this.scores.put(prefix + method + "/" + param, new Score(median, iterations.get(0), iterations.get(n - 1),
                        primary.get("scoreUnit").asString()));
                this.jdk = result.get("jdkVersion").asString() + " (" + result.get("vmName").asString() + " "
                        + result.get("vmVersion").asString() + ")";
                if (!prefix.equals(POSTGRES)) {
                    List<String> args = new ArrayList<>();
                    result.get("jvmArgs").forEach((arg) -> args.add(arg.asString()));
                    this.jvmArgs = String.join(" ", args);
                }
            }
        }
        load(dir.resolve("env.properties"), this.env);
        load(dir.resolve("heap-actors.properties"), this.heapActors);
        load(dir.resolve("heap-pekko.properties"), this.heapPekko);
        load(dir.resolve("wrk.properties"), this.wrk);
    }

    /** JMH writes NaN (an error from a single iteration) as a string. */
    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asString());
    }

    private static void load(Path file, Properties into) throws IOException {
        if (Files.exists(file)) {
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                into.load(reader);
            }
        }
    }

    private String render(String previous) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Generated by `benchmarks/run.sh` from one run; every number below comes from that run. ")
            .append("Re-run it to reproduce (see benchmarks/README.md for what each scenario measures).\n\n");
        md.append("## Machine and command\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "CPU", this.env.getProperty("cpu", "unknown"));
        row(md, "cores", this.env.getProperty("cores", "unknown"));
        row(md, "memory", this.env.getProperty("memory", "unknown"));
        row(md, "OS", this.env.getProperty("os", "unknown"));
        row(md, "JDK", this.jdk);
        row(md, "JVM options of the forks", this.jvmArgs.isEmpty() ? "(defaults)" : "`" + this.jvmArgs + "`");
        row(md, "command", "`" + this.env.getProperty("command", "benchmarks/run.sh") + "`");
        row(md, "JMH options", "`" + this.env.getProperty("jmh", "") + "`");
        row(md, "source", this.env.getProperty("source", "unknown"));
        row(md, "date", this.env.getProperty("date", "unknown"));
        row(md, "run time", this.env.getProperty("duration", "unknown"));
        row(md, "load average before / after", this.env.getProperty("load.before", "?") + " / "
                + this.env.getProperty("load.after", "?"));
        md.append("\nEach cell is the **median** of all measured iterations of all forks (with an even count, the ")
            .append("mean of the middle two), with the lowest and highest in brackets. A 2-core machine shared with ")
            .append("other work is noisy (a load average near 2 before the run means it was already busy): compare ")
            .append("columns of the same run, treat overlapping ranges as no difference unless the order repeats ")
            .append("across runs, and re-run before trusting a close call. Goal ratios use the medians.\n\n");

        md.append("Implementations: **actors** = this project, default executor (a pool of platform threads); ")
            .append("**actors-virtual** = this project, a virtual thread per run (JDK 21+ only); **pekko** = ")
            .append("Apache Pekko typed actors ").append(org.apache.pekko.actor.ActorSystem.Version())
            .append(", default dispatcher and mailbox, `tell` and `AskPattern.ask`; **hand-rolled** = one ")
            .append("single-thread `ThreadPoolExecutor` (`execute`, `CompletableFuture.supplyAsync(..).join()`); ")
            .append("**raw-queue** = a JCTools MPSC queue and a spinning consumer thread: an upper bound with ")
            .append("no actor machinery. Bounded mailboxes hold 65,536 messages; a producer never has more than one burst ")
            .append("of 10,000 in flight, so nothing is rejected (checked at the end of each run).\n\n");

        List<Section> sections = List.of(castSection(), callSection(), manyActorsSection(), batchingSection(),
                allocationSection(), httpSection(), goalsSection());
        return md + merge(sections, previous);
    }

    /** One {@code ## } section of the generated part, and whether this run measured what it shows. */
    private record Section(String heading, String body, boolean measured) {
    }

    /**
     * Joins the sections, keeping from the previous file, with a note naming the run that measured them, those
     * this run did not measure (a run of some scenarios only, see {@code SCENARIOS} in {@code run.sh}).
     */
    private static String merge(List<Section> sections, String previous) {
        Map<String, String> old = new LinkedHashMap<>();
        String[] parts = ("\n" + previous).split("\n(?=## )");
        for (String part : parts) {
            int eol = part.indexOf('\n');
            if (part.startsWith("## ") && eol > 0) {
                old.put(part.substring(0, eol), part.substring(eol + 1));
            }
        }
        String from = "the run of " + tableValue(previous, "date") + " (" + tableValue(previous, "source") + ")";
        StringBuilder md = new StringBuilder();
        for (Section section : sections) {
            String heading = "## " + section.heading();
            String kept = old.get(heading);
            if (md.length() > 0) {
                md.append('\n');
            }
            md.append(heading).append("\n\n");
            if (section.measured() || kept == null) {
                md.append(section.body());
            }
            else {
                String body = kept.strip();
                if (!body.startsWith(KEPT_NOTE)) {
                    body = KEPT_NOTE + " " + from + ": the machine table above describes another run.*\n\n" + body;
                }
                md.append(body).append('\n');
            }
        }
        return md.append('\n').toString();
    }

    /** A value of the previous file's machine table, or {@code unknown}. */
    private static String tableValue(String previous, String name) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern
            .compile("(?m)^\\| " + name + " \\| (.*) \\|$")
            .matcher(previous);
        return matcher.find() ? matcher.group(1) : "unknown";
    }

    private boolean measured(String... keyPrefixes) {
        for (String key : this.scores.keySet()) {
            for (String prefix : keyPrefixes) {
                if (key.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Section castSection() {
        StringBuilder md = new StringBuilder();
        header(md, "producers");
        implRow(md, "1", "CastBenchmark.oneProducer", IMPLS);
        implRow(md, "2", "CastBenchmark.twoProducers", IMPLS);
        return new Section("1. `cast` throughput into one actor (messages handled per second, higher is better)",
                md.toString(), measured("CastBenchmark."));
    }

    private Section callSection() {
        StringBuilder md = new StringBuilder();
        header(md, "");
        implRow(md, "one caller at a time (ns per call, lower is better)", "CallLatencyBenchmark.roundTrip", IMPLS);
        implRow(md, "64 concurrent callers (calls per second)", "CallThroughputBenchmark.callers64", IMPLS);
        md.append("\nThe raw queue's round trip spins on both sides (a floor, not a competitor); it has no ")
            .append("64-caller row because 64 spinning callers on 2 cores would measure the OS scheduler.\n");
        return new Section("2. `call` round trip", md.toString(),
                measured("CallLatencyBenchmark.", "CallThroughputBenchmark."));
    }

    private Section manyActorsSection() {
        StringBuilder md = new StringBuilder();
        header(md, "");
        implRow(md, "10,000 actors, one producer, messages spread over them (messages per second)",
                "ManyActorsBenchmark.spread", IMPLS);
        heapRow(md, "heap per idle actor, just spawned (bytes)", "bytesPerActorSpawned");
        heapRow(md, "heap per idle actor, after handling one message (bytes)", "bytesPerActorIdle");
        String heapActors = this.heapActors.getProperty("actors", "?");
        md.append("\nHeap: ").append(heapActors.matches("\\d+") ? String.format("%,d", Long.parseLong(heapActors))
                : heapActors)
            .append(" actors in a fresh JVM per implementation (`-XX:+UseSerialGC -Xmx2g`, ")
            .append(this.heapActors.getProperty("gc", "?"))
            .append("), heap used after repeated full GCs, before and after; see HeapPerActor. The hand-rolled ")
            .append("worker and the raw queue have no many-actor rows: they would need a thread per entity, ")
            .append("10,000 threads, which is not how anyone would build it.\n");
        return new Section("3. Many actors", md.toString(),
                measured("ManyActorsBenchmark.") || !this.heapActors.isEmpty());
    }

    private Section batchingSection() {
        StringBuilder md = new StringBuilder();
        md.append("Callers that each write one row and wait for it; every flush costs a fixed 50 µs (a spin, ")
            .append("standing in for a commit), whatever its size. Writes per second, higher is better.\n\n");
        md.append("| batcher | 1 caller | 16 callers |\n|---|---:|---:|\n");
        callerRow(md, "batch actor, default settings (adaptive: max-size 100, max-time 0)", "actors");
        callerRow(md, "batch actor, max-time 10 ms (the default before: a batch waits for company)",
                "actors-linger");
        callerRow(md, "hand-rolled batcher: one thread, `take()` + `drainTo(batch, 99)`, commit, reply",
                "hand-rolled");
        md.append('\n');
        for (String method : new String[] { "caller1", "callers16" }) {
            Score ours = this.scores.get("BatchingBenchmark." + method + "/actors");
            Score theirs = this.scores.get("BatchingBenchmark." + method + "/hand-rolled");
            md.append("- Goal, ").append(method.equals("caller1") ? "1 caller" : "16 callers")
                .append(": the default settings ≥ 0.9 × the hand-rolled batcher: ")
                .append((ours != null && theirs != null) ? verdict(ours.value / theirs.value, 0.9, true) : NA)
                .append('\n');
        }
        groupCommitRows(md, "H2 in memory", "");
        if (this.scores.keySet().stream().anyMatch((key) -> key.startsWith(POSTGRES))) {
            groupCommitRows(md, this.env.getProperty("postgres", "PostgreSQL")
                    + " on loopback, default settings (every commit waits for the WAL on disk)", POSTGRES);
            md.append('\n');
            for (String callers : new String[] { "16", "64" }) {
                Score ours = this.scores.get(POSTGRES + "GroupCommitBenchmark.callers" + callers + "/group-commit");
                Score theirs = this.scores.get(POSTGRES + "GroupCommitBenchmark.callers" + callers
                        + "/insert-per-request");
                double bound = callers.equals("16") ? 2.5 : 5.0;
                md.append("- Goal, PostgreSQL, ").append(callers).append(" callers: group commit ≥ ")
                    .append(String.format(Locale.ROOT, "%.1f", bound))
                    .append(" × each caller committing on its own connection: ")
                    .append((ours != null && theirs != null) ? verdict(ours.value / theirs.value, bound, true) : NA)
                    .append('\n');
            }
        }
        else {
            md.append("\nPostgreSQL: not measured in this run (set `BENCH_PG_URL`, see benchmarks/README.md).\n");
        }
        return new Section("4. Batching and group commit (this project against doing it by hand)", md.toString(),
                measured("BatchingBenchmark.", "GroupCommitBenchmark.", POSTGRES));
    }

    private void callerRow(StringBuilder md, String label, String impl) {
        Score one = this.scores.get("BatchingBenchmark.caller1/" + impl);
        Score sixteen = this.scores.get("BatchingBenchmark.callers16/" + impl);
        md.append("| ").append(label).append(" | ").append((one != null) ? one.format() : NA).append(" | ")
            .append((sixteen != null) ? sixteen.format() : NA).append(" |\n");
    }

    private Section allocationSection() {
        StringBuilder md = new StringBuilder();
        md.append("Bytes allocated per message, from JMH's gc profiler (`-prof gc`, `gc.alloc.rate.norm`), lower ")
            .append("is better. A `cast` needs at least its envelope; a `call` also its future (here the envelope ")
            .append("is the future).\n\n");
        md.append("| operation | actors | pekko |\n|---|---:|---:|\n");
        allocRow(md, "`cast`, 1 producer", "CastBenchmark.oneProducer");
        allocRow(md, "`call(x).join()`, one caller at a time", "CallLatencyBenchmark.roundTrip");
        allocRow(md, "batched `call` (16 callers, default batch settings)", "BatchingBenchmark.callers16");
        return new Section("5. Allocation per message", md.toString(), measured(ALLOC));
    }

    private void allocRow(StringBuilder md, String label, String key) {
        md.append("| ").append(label);
        for (String impl : new String[] { "actors", "pekko" }) {
            Score score = this.scores.get(ALLOC + key + "/" + impl);
            md.append(" | ").append((score != null) ? String.format(Locale.ROOT, "%,.0f B", score.value) : NA);
        }
        md.append(" |\n");
    }

    private Section httpSection() {
        StringBuilder md = new StringBuilder();
        if (this.wrk.isEmpty()) {
            md.append("Not measured in this run: ").append(this.env.getProperty("wrk.skipped", "no figures"))
                .append(". Run `benchmarks/wrk/run-wrk.sh` once the sample application is built.\n");
        }
        else {
            // The script notes the warm-up after the command: keep it out of the code span.
            String command = this.wrk.getProperty("command", "");
            int warmup = command.indexOf(" (after a ");
            String after = (warmup >= 0) ? ", " + command.substring(warmup + 2, command.length() - 1) : "";
            command = (warmup >= 0) ? command.substring(0, warmup) : command;
            md.append("`").append(command).append("`").append(after).append(", loopback only.\n\n");
            md.append("| sample configuration | requests per second | p99 latency | errors |\n|---|---|---|---|\n");
            for (String config : this.wrk.getProperty("configs", "").split(",")) {
                if (!config.isBlank()) {
                    md.append("| ").append(this.wrk.getProperty(config + ".label", config)).append(" | ")
                        .append(this.wrk.getProperty(config + ".rps", "?")).append(" | ")
                        .append(this.wrk.getProperty(config + ".p99", "?")).append(" | ")
                        .append(this.wrk.getProperty(config + ".errors", "0")).append(" |\n");
                }
            }
        }
        return new Section("HTTP: the sample's `POST /events` under wrk", md.toString(), !this.wrk.isEmpty());
    }

    private Section goalsSection() {
        StringBuilder md = new StringBuilder();
        goals(md);
        return new Section("Goals (ratios within this run)", md.toString(),
                measured("CastBenchmark.", "CallLatencyBenchmark.", "CallThroughputBenchmark."));
    }

    private void goals(StringBuilder md) {
        md.append("| goal | actors | actors-virtual |\n|---|---|---|\n");
        for (String method : new String[] { "oneProducer", "twoProducers" }) {
            String producers = method.equals("oneProducer") ? "1 producer" : "2 producers";
            goal(md, "cast throughput, " + producers + ": ≥ 1.2 × the better of pekko and hand-rolled",
                    "CastBenchmark." + method, (ours, other) -> ours / other, 1.2, true, "pekko", "hand-rolled");
        }
        goal(md, "call round trip, 1 caller: latency ≤ the better of pekko and hand-rolled (ratio ≤ 1)",
                "CallLatencyBenchmark.roundTrip", (ours, other) -> ours / other, 1.0, false, "pekko", "hand-rolled");
        goal(md, "64 concurrent calls: ≥ 2 × pekko", "CallThroughputBenchmark.callers64",
                (ours, other) -> ours / other, 2.0, true, "pekko");
        goal(md, "64 concurrent calls: ≥ 1 × hand-rolled", "CallThroughputBenchmark.callers64",
                (ours, other) -> ours / other, 1.0, true, "hand-rolled");
        for (String method : new String[] { "oneProducer", "twoProducers" }) {
            String producers = method.equals("oneProducer") ? "1 producer" : "2 producers";
            goal(md, "within 3 × of the raw hand-off (cast, " + producers + "; raw ÷ ours ≤ 3)",
                    "CastBenchmark." + method, (ours, other) -> other / ours, 3.0, false, "raw-queue");
        }
        String ours = this.heapActors.getProperty("bytesPerActorIdle");
        String pekko = this.heapPekko.getProperty("bytesPerActorIdle");
        if (ours != null && pekko != null) {
            double ratio = Double.parseDouble(ours) / Double.parseDouble(pekko);
            md.append("| heap per idle actor ≤ pekko's (ratio ≤ 1) | ").append(verdict(ratio, 1.0, false))
                .append(" (").append(ours).append(" vs ").append(pekko).append(" bytes) | ").append(NA)
                .append(" |\n");
        }
    }

    /**
     * One goal row: the ratio of ours to the better of the others (higher is better when {@code higherWins}).
     */
    private void goal(StringBuilder md, String label, String key, DoubleBinaryOperator ratio, double bound,
            boolean atLeast, String... others) {
        md.append("| ").append(label);
        for (String impl : new String[] { "actors", "actors-virtual" }) {
            Score ours = this.scores.get(key + "/" + impl);
            Score best = null;
            String bestName = null;
            for (String other : others) {
                Score score = this.scores.get(key + "/" + other);
                if (score != null && (best == null || better(score, best))) {
                    best = score;
                    bestName = other;
                }
            }
            md.append(" | ");
            if (ours == null || best == null) {
                md.append(NA);
            }
            else {
                double value = ratio.applyAsDouble(ours.value, best.value);
                md.append(verdict(value, bound, atLeast));
                if (others.length > 1) {
                    md.append(" vs ").append(bestName);
                }
            }
        }
        md.append(" |\n");
    }

    private static boolean better(Score a, Score b) {
        return a.unit.startsWith("ns/") ? a.value < b.value : a.value > b.value;
    }

    private static String verdict(double ratio, double bound, boolean atLeast) {
        boolean pass = atLeast ? ratio >= bound : ratio <= bound;
        return String.format(Locale.ROOT, "%.2f × **%s**", ratio, pass ? "pass" : "miss");
    }

    private static void header(StringBuilder md, String first) {
        md.append("| ").append(first);
        for (String impl : IMPLS) {
            md.append(" | ").append(impl);
        }
        md.append(" |\n|---");
        for (int i = 0; i < IMPLS.length; i++) {
            md.append("|---:");
        }
        md.append("|\n");
    }

    private void implRow(StringBuilder md, String label, String key, String[] impls) {
        md.append("| ").append(label);
        for (String impl : impls) {
            Score score = this.scores.get(key + "/" + impl);
            md.append(" | ").append((score != null) ? score.format() : NA);
        }
        md.append(" |\n");
    }

    private void heapRow(StringBuilder md, String label, String key) {
        md.append("| ").append(label).append(" | ").append(this.heapActors.getProperty(key, NA)).append(" | ")
            .append(NA).append(" | ").append(this.heapPekko.getProperty(key, NA)).append(" | ").append(NA)
            .append(" | ").append(NA).append(" |\n");
    }

    /** One table of {@code GroupCommitBenchmark}: the database, and the key prefix of its results. */
    private void groupCommitRows(StringBuilder md, String database, String prefix) {
        md.append("\n| ").append(database).append(", one row per call, rows per second | 16 callers | 64 callers |\n")
            .append("|---|---:|---:|\n");
        String[][] modes = {
                { "group commit: batch actor, default settings, `executeBatch` + one commit per batch", "group-commit" },
                { "plain actor: one insert + commit per row (batching off)", "actor-per-row" },
                { "no actor: each caller inserts + commits on its own connection (16 or 64 connections)",
                        "insert-per-request" } };
        for (String[] mode : modes) {
            md.append("| ").append(mode[0]);
            for (String callers : new String[] { "16", "64" }) {
                Score score = this.scores.get(prefix + "GroupCommitBenchmark.callers" + callers + "/" + mode[1]);
                md.append(" | ").append((score != null) ? score.format() : NA);
            }
            md.append(" |\n");
        }
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    /**
     * The median of the measured iterations, with the lowest and highest: on a small shared machine a burst of
     * other work spoils an iteration now and then, which moves a mean and its confidence interval far more than the
     * median.
     */
    private record Score(double value, double low, double high, String unit) {

        String format() {
            if (this.unit.startsWith("ns/")) {
                return String.format(Locale.ROOT, "%,.0f (%,.0f–%,.0f)", this.value, this.low, this.high);
            }
            return human(this.value) + " (" + human(this.low) + "–" + human(this.high) + ")";
        }

        private static String human(double value) {
            if (value >= 1e6) {
                return String.format(Locale.ROOT, "%.2f M", value / 1e6);
            }
            if (value >= 1e3) {
                return String.format(Locale.ROOT, "%.1f k", value / 1e3);
            }
            return String.format(Locale.ROOT, "%.0f", value);
        }
    }
}
