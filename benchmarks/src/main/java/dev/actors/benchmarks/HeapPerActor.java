package dev.actors.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Locale;

import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorSystem;

/**
 * Scenario 3b: the heap one idle actor costs, for this project and for Pekko. Run it in a fresh JVM per
 * implementation ({@code java -XX:+UseSerialGC -cp benchmarks.jar dev.actors.benchmarks.HeapPerActor actors}):
 * the heap used after full collections is taken with the actor system started, again after spawning the actors,
 * and again once each actor has handled one message and gone idle. The actors stay reachable through their system
 * (and through the array of references the measurement keeps: 4 bytes per actor with compressed references, in
 * both implementations). Prints {@code key=value} lines.
 */
public final class HeapPerActor {

    private HeapPerActor() {
    }

    public static void main(String[] args) throws Exception {
        String impl = (args.length > 0) ? args[0] : "actors";
        int count = (args.length > 1) ? Integer.parseInt(args[1]) : 100_000;
        Sink sink = Sink.forManyActors();
        long before;
        long spawned;
        long idle;
        Object[] refs = new Object[count];
        if (impl.equals("actors")) {
            try (ActorSystem system = ActorSystem.create()) {
                warmUp(system);
                before = usedAfterGc();
                ActorSettings settings = ActorSettings.defaults();
                for (int i = 0; i < count; i++) {
                    refs[i] = system.spawn("idle-" + i, settings, () -> (Long message) -> {
                        sink.accept(message);
                        return message;
                    });
                }
                spawned = usedAfterGc();
                for (Object ref : refs) {
                    @SuppressWarnings("unchecked")
                    ActorRef<Long, Long> actor = (ActorRef<Long, Long>) ref;
                    actor.cast(Target.MESSAGE);
                }
                awaitHandled(sink, count);
                idle = usedAfterGc();
                Reference.reachabilityFence(system);
            }
        }
        else if (impl.equals("pekko")) {
            org.apache.pekko.actor.typed.ActorSystem<PekkoTarget.Spawn> system = org.apache.pekko.actor.typed.ActorSystem
                .create(PekkoTarget.guardian(), "heap", PekkoTarget.config());
            try {
                PekkoTarget.spawn(system, 10, "warm-", sink).forEach((ref) -> ref.tell(Target.MESSAGE));
                awaitHandled(sink, 10);
                before = usedAfterGc();
                List<org.apache.pekko.actor.typed.ActorRef<Object>> spawnedRefs = PekkoTarget.spawn(system, count,
                        "idle-", sink);
                for (int i = 0; i < count; i++) {
                    refs[i] = spawnedRefs.get(i);
                }
                spawnedRefs = null;
                spawned = usedAfterGc();
                for (Object ref : refs) {
                    @SuppressWarnings("unchecked")
                    org.apache.pekko.actor.typed.ActorRef<Object> actor = (org.apache.pekko.actor.typed.ActorRef<Object>) ref;
                    actor.tell(Target.MESSAGE);
                }
                awaitHandled(sink, 10 + count);
                idle = usedAfterGc();
                Reference.reachabilityFence(system);
            }
            finally {
                PekkoTarget.terminate(system);
            }
        }
        else {
            throw new IllegalArgumentException("Unknown implementation '" + impl + "' (actors or pekko)");
        }
        Reference.reachabilityFence(refs);
        System.out.println("impl=" + impl);
        System.out.println("actors=" + count);
        System.out.println("gc=" + gcNames());
        System.out.println("bytesPerActorSpawned=" + perActor(spawned - before, count));
        System.out.println("bytesPerActorIdle=" + perActor(idle - before, count));
    }

    /** Loads the classes and warms the caches a first actor needs, so that they are not counted per actor. */
    private static void warmUp(ActorSystem system) {
        Sink sink = Sink.forManyActors();
        for (int i = 0; i < 10; i++) {
            ActorRef<Long, Long> actor = system.spawn("warm-" + i, () -> (message) -> {
                sink.accept(message);
                return message;
            });
            actor.cast(Target.MESSAGE);
        }
        awaitHandled(sink, 10);
    }

    private static void awaitHandled(Sink sink, long goal) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (sink.count() < goal) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + sink.count() + " of " + goal + " messages handled");
            }
            Thread.onSpinWait();
        }
    }

    /** Heap in use after full collections, once it stops shrinking. */
    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, memory.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    private static String perActor(long bytes, int count) {
        return String.format(Locale.ROOT, "%.0f", (double) bytes / count);
    }

    private static String gcNames() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map((gc) -> gc.getName().replace(' ', '-')).toList());
    }
}
