package dev.actors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several producers mix calls, casts, short timeouts and handler failures against a small mailbox, with restarts;
 * then the actor is stopped. Every accepted call's future completes, and every accepted cast is handled, counted
 * as failed, or failed by the stop: nothing is lost silently.
 */
class MixedTrafficStressTests {

    private static final int PRODUCERS = 6;

    private static final int MESSAGES_PER_PRODUCER = 20_000;

    /** Casts it handled and failed, kept outside the actor because restarts replace the instance. */
    static final AtomicLong castsHandled = new AtomicLong();

    static final AtomicLong castsFailed = new AtomicLong();

    /** Message: kind 0 = cast, 1 = call; fail = throw. */
    record Msg(int kind, boolean fail, boolean slow) {
    }

    static final class Worker implements Actor<Msg, Integer> {

        private int count;

        @Override
        public Integer handle(Msg msg) throws Exception {
            if (msg.slow()) {
                Thread.sleep(1);
            }
            if (msg.fail()) {
                if (msg.kind() == 0) {
                    castsFailed.incrementAndGet();
                }
                throw new PlannedFailure("planned failure");
            }
            if (msg.kind() == 0) {
                castsHandled.incrementAndGet();
            }
            return ++this.count;
        }
    }

    @RepeatedTest(2)
    void nothingAcceptedIsLost() throws Exception {
        castsHandled.set(0);
        castsFailed.set(0);
        AtomicLong castsAccepted = new AtomicLong();
        AtomicLong castsRefused = new AtomicLong();
        List<CompletableFuture<Integer>> acceptedCalls = java.util.Collections.synchronizedList(new ArrayList<>());
        ActorSystem system = ActorSystem.builder()
            .executor(ActorExecutors.platformThreads(2, "stress-"))
            .build();
        ActorRef<Msg, Integer> actor = system.spawn("stress",
                ActorSettings.builder()
                    .mailboxCapacity(256)
                    .onFailure(FailurePolicy.RESTART)
                    .maxRestarts(1_000_000)
                    .build(),
                Worker::new);
        ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
        // About a thousand planned failures, each logged with its restart: checked here, kept out of the test log.
        CapturedLog log = CapturedLog.quiet();
        long unplanned;
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                done.add(producers.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < MESSAGES_PER_PRODUCER; i++) {
                        boolean fail = random.nextInt(50) == 0;
                        boolean slow = random.nextInt(500) == 0;
                        if (random.nextBoolean()) {
                            try {
                                actor.cast(new Msg(0, fail, slow));
                                castsAccepted.incrementAndGet();
                            }
                            catch (MailboxFullException ex) {
                                castsRefused.incrementAndGet();
                            }
                        }
                        else {
                            Duration timeout = random.nextInt(20) == 0 ? Duration.ofNanos(random.nextInt(200_000) + 1)
                                    : Duration.ofSeconds(30);
                            CompletableFuture<Integer> call = actor.call(new Msg(1, fail, slow), timeout);
                            if (!(call.isCompletedExceptionally() && call.handle((v, ex) -> ex).join()
                                instanceof MailboxFullException)) {
                                acceptedCalls.add(call);
                            }
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
            actor.stop().get(60, TimeUnit.SECONDS);
            system.close();
        }
        finally {
            producers.shutdownNow();
            log.close();
            // Whatever else was logged is printed in full, also when the traffic itself failed.
            unplanned = log.printIfAny(MixedTrafficStressTests::isPlannedFailureLog);
        }
        assertThat(unplanned).as("log lines other than the planned failures' warnings").isZero();
        System.err.println("MixedTrafficStressTests: " + log.text().lines().count()
                + " log lines of planned failures checked and kept out of the log");

        for (CompletableFuture<Integer> call : acceptedCalls) {
            assertThat(call).isDone();
        }
        ActorStats stats = actor.stats();
        // Every accepted cast was handled, failed in its handler (and counted), or failed by the stop (counted).
        assertThat(castsHandled.get() + castsFailed.get() + stats.rejectedClosed())
            .isEqualTo(castsAccepted.get());
        assertThat(stats.rejectedFull()).isGreaterThanOrEqualTo(castsRefused.get());
        // Calls that were handled plus calls that failed in the handler; timed-out ones were expired or handled.
        assertThat(stats.handled() + stats.failed() + stats.expired())
            .isEqualTo(castsAccepted.get() - stats.rejectedClosed() + acceptedCalls.size());
        // Each accepted call ended in one of the three ways a caller may see: a value (the handler's count, so
        // positive), the handler's own exception, unwrapped, or a timeout. The stop came after the last send, so
        // nothing was closed on a caller, and no framework exception other than the timeout may appear.
        long timedOut = 0;
        for (CompletableFuture<Integer> call : acceptedCalls) {
            Object outcome = call.handle((value, ex) -> (ex != null) ? ex : value).join();
            if (outcome instanceof ActorCallTimeoutException) {
                timedOut++;
            }
            else if (outcome instanceof Throwable failure) {
                assertThat(failure).isInstanceOf(PlannedFailure.class).hasMessage("planned failure");
            }
            else {
                assertThat((Integer) outcome).isPositive();
            }
        }
        // A caller that timed out either had its message skipped (expired) or handled after it gave up.
        assertThat(stats.expired()).isLessThanOrEqualTo(timedOut);
        assertThat(stats.failed()).isPositive();
        assertThat(stats.restarts()).isEqualTo(stats.failed());
        assertThat(stats.mailboxSize()).isZero();
    }

    /** The warnings of a planned failure: the runtime's line, then the exception's (it has no stack trace). */
    private static boolean isPlannedFailureLog(String line) {
        return (line.contains(" WARN ") && line.contains("Actor 'stress' "))
                || line.equals(PlannedFailure.class.getName() + ": planned failure");
    }

    @RepeatedTest(10)
    void aGracefulStopUnderLiveTrafficHandlesEverythingItAccepted() throws Exception {
        AtomicLong handledCasts = new AtomicLong();
        AtomicLong handledCalls = new AtomicLong();
        AtomicLong castsAccepted = new AtomicLong();
        AtomicLong refusedClosed = new AtomicLong();
        AtomicLong refusedFull = new AtomicLong();
        List<CompletableFuture<Integer>> acceptedCalls = java.util.Collections.synchronizedList(new ArrayList<>());
        ActorSystem system = ActorSystem.builder().executor(ActorExecutors.platformThreads(2, "stop-stress-")).build();
        ActorRef<Integer, Integer> actor = system.spawn("stopping",
                ActorSettings.builder().mailboxCapacity(10_000).build(), () -> (kind) -> {
                    (kind == 0 ? handledCasts : handledCalls).incrementAndGet();
                    return kind;
                });
        java.util.concurrent.CountDownLatch sending = new java.util.concurrent.CountDownLatch(PRODUCERS);
        ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                done.add(producers.submit(() -> {
                    sending.countDown();
                    // Send until the actor refuses: the stop lands in the middle of the traffic.
                    for (boolean open = true; open;) {
                        if (ThreadLocalRandom.current().nextBoolean()) {
                            try {
                                actor.cast(0);
                                castsAccepted.incrementAndGet();
                            }
                            catch (MailboxFullException ex) {
                                refusedFull.incrementAndGet();
                            }
                            catch (ActorClosedException ex) {
                                refusedClosed.incrementAndGet();
                                open = false;
                            }
                        }
                        else {
                            CompletableFuture<Integer> call = actor.call(1, Duration.ofMinutes(1));
                            Throwable refused = call.isCompletedExceptionally()
                                    ? call.handle((value, ex) -> ex).join() : null;
                            if (refused instanceof MailboxFullException) {
                                refusedFull.incrementAndGet();
                            }
                            else if (refused != null) {
                                assertThat(refused).isInstanceOf(ActorClosedException.class);
                                refusedClosed.incrementAndGet();
                                open = false;
                            }
                            else {
                                acceptedCalls.add(call);
                            }
                        }
                    }
                    return null;
                }));
            }
            sending.await();
            // Stop in the middle of the traffic, once some of each kind was accepted (however busy the machine).
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> castsAccepted.get() > 0 && !acceptedCalls.isEmpty());
            actor.stop().get(60, TimeUnit.SECONDS);
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            producers.shutdownNow();
            system.close();
        }
        // Everything accepted before the stop was handled (the shutdown timeout is 30 s), every call got its
        // value, and each refusal was counted as closed, none lost and none counted twice.
        assertThat(castsAccepted.get()).isPositive();
        assertThat(handledCasts.get()).isEqualTo(castsAccepted.get());
        assertThat(acceptedCalls).allSatisfy((call) -> assertThat(call.getNow(-1)).isEqualTo(1));
        assertThat(handledCalls.get()).isEqualTo(acceptedCalls.size());
        ActorStats stats = actor.stats();
        assertThat(stats.handled()).isEqualTo(castsAccepted.get() + acceptedCalls.size());
        assertThat(stats.rejectedClosed()).isEqualTo(refusedClosed.get());
        assertThat(stats.rejectedFull()).isEqualTo(refusedFull.get());
        assertThat(stats.state()).isEqualTo(ActorState.STOPPED);
    }
}
