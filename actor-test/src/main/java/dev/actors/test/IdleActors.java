package dev.actors.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.actors.ActorHandle;
import dev.actors.ActorRef;
import dev.actors.ActorStats;
import dev.actors.ActorSystem;

/**
 * Waits until actors running on real threads are idle: for {@code @SpringBootTest} and other tests of a running
 * system, where a test casts and then checks what the handler did.
 *
 * <pre>{@code
 * @Autowired ActorSystem actors;
 *
 * @Test
 * void castIsHandled() {
 *     inventory.cast(new Restock("apple", 5));
 *     IdleActors.await(this.actors, Duration.ofSeconds(5));
 *     assertThat(stock.of("apple")).isEqualTo(5);
 * }
 * }</pre>
 *
 * <p>Idle means an empty mailbox, no message being handled and none held for later (a batch waiting for its
 * deadline), as {@link ActorRef#isIdle()} says. One look is not enough when actors send to each other: the wait
 * ends only when two looks in a row find every actor watched idle and no message handled between them.
 */
public final class IdleActors {

    /** How long to sleep between two looks: short, since a test waits for it. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private IdleActors() {
    }

    /**
     * Waits until every actor of the system is idle.
     *
     * @param system the actor system (in a Spring application, its {@code ActorSystem} bean)
     * @param timeout how long to wait at most
     * @throws AssertionError when the timeout passes first, naming the actors still busy
     */
    public static void await(ActorSystem system, Duration timeout) {
        awaitIdle(system, timeout, List.of());
    }

    /**
     * Waits until the given actors are idle.
     *
     * @param system the actor system they belong to
     * @param timeout how long to wait at most
     * @param actors the actors (handles, as Spring injects them), found in the system by name
     * @throws AssertionError when the timeout passes first, naming the actors still busy
     * @throws IllegalArgumentException when an actor is not in the system
     */
    public static void await(ActorSystem system, Duration timeout, ActorHandle<?, ?>... actors) {
        List<String> names = Arrays.stream(actors).map(ActorHandle::name).toList();
        for (String name : names) {
            if (system.find(name).isEmpty()) {
                throw new IllegalArgumentException("No actor '" + name + "' in this actor system");
            }
        }
        awaitIdle(system, timeout, names);
    }

    private static void awaitIdle(ActorSystem system, Duration timeout, List<String> names) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long previousWork = -1;
        for (;;) {
            List<ActorRef<?, ?>> watched = watched(system, names);
            long work = work(watched);
            if (allIdle(watched)) {
                if (work == previousWork) {
                    return;
                }
                previousWork = work;
            }
            else {
                previousWork = -1;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("Actors still busy after " + timeout + ": "
                        + watched.stream().filter((actor) -> !actor.isIdle()).map(ActorRef::stats).toList());
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** The actors watched, looked up again each time: actors created meanwhile count too. */
    private static List<ActorRef<?, ?>> watched(ActorSystem system, List<String> names) {
        if (names.isEmpty()) {
            return system.actors();
        }
        List<ActorRef<?, ?>> watched = new ArrayList<>(names.size());
        for (String name : names) {
            system.find(name).ifPresent(watched::add);
        }
        return watched;
    }

    private static boolean allIdle(List<ActorRef<?, ?>> actors) {
        for (ActorRef<?, ?> actor : actors) {
            if (!actor.isIdle()) {
                return false;
            }
        }
        return true;
    }

    /** Every message the actors are done with: any change means one was handled between two looks. */
    private static long work(List<ActorRef<?, ?>> actors) {
        long total = 0;
        for (ActorRef<?, ?> actor : actors) {
            ActorStats stats = actor.stats();
            total += stats.handled() + stats.failed() + stats.expired() + stats.rejected() + stats.flushes();
        }
        return total;
    }
}
