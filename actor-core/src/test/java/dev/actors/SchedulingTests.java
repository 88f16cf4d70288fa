package dev.actors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wake-ups are cheap: no thread per idle actor, no wake-up per message, and a fair share of a small pool.
 */
class SchedulingTests extends ActorSystemTestSupport {

    /** Counts how often actors ask for a thread. */
    static final class CountingExecutor implements Executor {

        final AtomicInteger submissions = new AtomicInteger();

        private final Executor delegate;

        CountingExecutor(Executor delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable command) {
            this.submissions.incrementAndGet();
            this.delegate.execute(command);
        }
    }

    @Test
    void messagesQueuedWhileTheActorRunsDoNotWakeAThreadEach() throws Exception {
        ExecutorService pool = ActorExecutors.platformThreads(2, "test-");
        CountingExecutor executor = new CountingExecutor(pool);
        Gate gate = new Gate();
        try {
            ActorRef<Integer, Integer> actor = this.system.spawn("batched-wakeups",
                    settings().executor(executor).throughput(100).build(), () -> (value) -> {
                        if (value == 0) {
                            gate.pass();
                        }
                        return value;
                    });
            actor.cast(0);
            gate.awaitEntered();
            for (int i = 1; i <= 900; i++) {
                actor.cast(i);
            }
            CompletableFuture<Integer> last = actor.call(-1);
            gate.open();
            last.get(10, TimeUnit.SECONDS);
            // 902 messages: one submission per throughput slice of 100 (an unknown executor gets the thread back
            // after each slice), never one per message.
            assertThat(executor.submissions.get()).isBetween(1, 902 / 100 + 2);
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** A one-thread pool that counts the runs it is given. */
    static final class CountingPool extends ThreadPoolExecutor {

        final AtomicInteger submissions = new AtomicInteger();

        CountingPool() {
            super(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        }

        @Override
        public void execute(Runnable command) {
            this.submissions.incrementAndGet();
            super.execute(command);
        }
    }

    // Behaviour, not speed: how much the spin saves on a given machine is measured by the benchmarks
    // (CallLatencyBenchmark with and without -Dbench.spinNanos=0, in benchmarks/RESULTS.md). These two tests only
    // say who holds the thread when, which no machine's load changes.

    @Test
    void aCallerThatCallsAgainAtOnceIsServedByTheSameRunWhileTheActorSpins() throws Exception {
        CountingPool pool = new CountingPool();
        try {
            // A spin far longer than the test: only a message, or another task waiting for the pool, ends it.
            ActorRef<Integer, Integer> actor = this.system.spawn("spinning",
                    settings().executor(pool).spinBeforeIdle(Duration.ofMinutes(5)).build(), () -> (value) -> value + 1);
            assertThat(actor.call(1).get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(actor.call(2).get(10, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(actor.call(3).get(10, TimeUnit.SECONDS)).isEqualTo(4);
            // One run answered all three: after each lone call it kept the thread and caught the next one.
            assertThat(pool.submissions).hasValue(1);
            // Another task waiting for the pool ends the spin at once: the thread goes to it.
            CountDownLatch otherTaskRan = new CountDownLatch(1);
            pool.execute(otherTaskRan::countDown);
            assertThat(otherTaskRan.await(10, TimeUnit.SECONDS)).isTrue();
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutASpinAnAnsweredActorGivesItsThreadBackAndTheNextCallWakesOne() throws Exception {
        CountingPool pool = new CountingPool();
        try {
            ActorRef<Integer, Integer> actor = this.system.spawn("not-spinning",
                    settings().executor(pool).spinBeforeIdle(Duration.ZERO).build(), () -> (value) -> value + 1);
            for (int i = 1; i <= 3; i++) {
                assertThat(actor.call(i).get(10, TimeUnit.SECONDS)).isEqualTo(i + 1);
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> pool.getActiveCount() == 0);
                // Idle between calls: each call needed a run of its own.
                assertThat(pool.submissions).hasValue(i);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void castsDoNotMakeTheActorSpin() throws Exception {
        // Casts alone never spin, even with a long spin set: the thread goes back to the pool once the mailbox is
        // empty. Were it spinning, it would still be active long after its last message.
        ThreadPoolExecutor pool = (ThreadPoolExecutor) ActorExecutors.platformThreads(1, "casts-only-");
        try {
            CountDownLatch handled = new CountDownLatch(100);
            ActorRef<Integer, Integer> actor = this.system.spawn("casts-only",
                    settings().executor(pool).spinBeforeIdle(Duration.ofMinutes(5)).build(), () -> (value) -> {
                        handled.countDown();
                        return value;
                    });
            for (int i = 0; i < 100; i++) {
                actor.cast(i);
            }
            assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pool.getActiveCount() == 0);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIdleActorHoldsNoThread() throws Exception {
        ExecutorService pool = ActorExecutors.platformThreads(4, "idle-");
        try {
            List<ActorRef<Integer, Integer>> actors = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                actors.add(this.system.spawn("idle-" + i, settings().executor(pool).build(), () -> (value) -> value));
            }
            for (ActorRef<Integer, Integer> actor : actors) {
                actor.call(1).get(10, TimeUnit.SECONDS);
            }
            // A thousand idle actors, yet the pool's threads are all free: none is parked inside an actor.
            java.util.concurrent.ThreadPoolExecutor tpe = (java.util.concurrent.ThreadPoolExecutor) pool;
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> tpe.getActiveCount() == 0);
            assertThat(tpe.getPoolSize()).isLessThanOrEqualTo(4);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHotActorCannotStarveAnotherOnAOneThreadPool() throws Exception {
        ExecutorService single = ActorExecutors.platformThreads(1, "single-");
        try {
            Gate gate = new Gate();
            AtomicLong hotHandled = new AtomicLong();
            ActorSettings onSingle = settings().executor(single).mailboxCapacity(20_000).build();
            ActorRef<Integer, Integer> hot = this.system.spawn("hot", onSingle, () -> (value) -> {
                if (value == 0) {
                    gate.pass();
                }
                hotHandled.incrementAndGet();
                return value;
            });
            ActorRef<Integer, Long> cold = this.system.spawn("cold", onSingle, () -> (value) -> hotHandled.get());
            hot.cast(0);
            gate.awaitEntered();
            for (int i = 1; i < 10_000; i++) {
                hot.cast(i);
            }
            CompletableFuture<Long> coldReply = cold.call(1, Duration.ofSeconds(30));
            gate.open();
            // The cold actor got the thread after one throughput slice of the hot one, not after all 10,000.
            assertThat(coldReply.get(30, TimeUnit.SECONDS)).isLessThan(10_000L);
        }
        finally {
            single.shutdownNow();
        }
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void blockingHandlersOnVirtualThreadsDoNotStarveOtherActors() throws Exception {
        ExecutorService virtual = ActorExecutors.virtualThreads().orElseThrow();
        try {
            int actors = 200;
            CountDownLatch allBlocked = new CountDownLatch(actors);
            List<CompletableFuture<Boolean>> replies = new ArrayList<>();
            for (int i = 0; i < actors; i++) {
                ActorRef<Integer, Boolean> actor = this.system.spawn("blocking-" + i,
                        settings().executor(virtual).build(), () -> (value) -> {
                            allBlocked.countDown();
                            // Blocks until all 200 handlers are blocked at once: impossible on a small pool.
                            return allBlocked.await(20, TimeUnit.SECONDS)
                                    && ActorExecutors.isVirtual(Thread.currentThread());
                        });
                replies.add(actor.call(1, Duration.ofSeconds(30)));
            }
            for (CompletableFuture<Boolean> reply : replies) {
                assertThat(reply.get(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        finally {
            virtual.shutdown();
        }
    }

    @Test
    void defaultPlatformPoolIsLargerThanTheCoreCountForBlockingHandlers() {
        assertThat(ActorExecutors.defaultThreadCount())
            .isGreaterThanOrEqualTo(Math.max(8, Runtime.getRuntime().availableProcessors()));
    }
}
