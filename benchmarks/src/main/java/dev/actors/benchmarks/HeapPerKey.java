package dev.actors.benchmarks;

import java.lang.ref.Reference;
import java.util.Locale;

/**
 * The heap one live key costs, next to Pekko's per entity (a child actor per key behind a parent), and the heap
 * after touching many more keys than max-active. Run it in a fresh JVM per case, as {@link HeapPerActor}:
 * <pre>
 * java -XX:+UseSerialGC -Xmx2g -cp benchmarks.jar dev.actors.benchmarks.HeapPerKey actors 100000
 * java -XX:+UseSerialGC -Xmx2g -cp benchmarks.jar dev.actors.benchmarks.HeapPerKey pekko 100000
 * java -XX:+UseSerialGC -Xmx2g -cp benchmarks.jar dev.actors.benchmarks.HeapPerKey actors-bounded 1000000
 * </pre>
 * The first two keep every key live (max-active above the count) and print the bytes per live key, its key string
 * included. The third touches each of the keys once with the default max-active (10,000) and prints the heap used
 * before and after, and the live keys left. Prints {@code key=value} lines.
 */
public final class HeapPerKey {

    private HeapPerKey() {
    }

    public static void main(String[] args) throws Exception {
        String impl = (args.length > 0) ? args[0] : "actors";
        int count = (args.length > 1) ? Integer.parseInt(args[1]) : 100_000;
        boolean bounded = impl.equals("actors-bounded");
        KeyedTargets.KeyedTarget target = KeyedTargets.create(bounded ? "actors" : impl,
                bounded ? dev.actors.ActorSettings.DEFAULT_MAX_ACTIVE : count + 1);
        try {
            for (int i = 0; i < 10; i++) {
                target.call("warm-" + i, 1);
            }
            long before = usedAfterGc();
            long peak = before;
            for (int i = 0; i < count; i++) {
                target.call("key-" + i, 1);
                if (bounded && i % 100_000 == 0) {
                    peak = Math.max(peak, usedAfterGc());
                }
            }
            long after = usedAfterGc();
            System.out.println("impl=" + impl);
            System.out.println("keys=" + count);
            if (bounded) {
                KeyedTargets.Actors actors = (KeyedTargets.Actors) target;
                System.out.println("liveKeysAfter=" + actors.counters.activeCount());
                System.out.println("heapUsedBeforeMiB=" + mib(before));
                System.out.println("heapUsedPeakMiB=" + mib(Math.max(peak, after)));
                System.out.println("heapUsedAfterMiB=" + mib(after));
            }
            else {
                System.out.println("bytesPerLiveKey="
                        + String.format(Locale.ROOT, "%.0f", (double) (after - before) / count));
            }
            Reference.reachabilityFence(target);
        }
        finally {
            target.close();
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private static long usedAfterGc() throws InterruptedException {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            best = Math.min(best, memory.getHeapMemoryUsage().getUsed());
        }
        return best;
    }
}
