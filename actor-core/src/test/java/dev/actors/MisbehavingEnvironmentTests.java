package dev.actors;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.actors.spi.ActorListener;
import dev.actors.spi.ContextPropagator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A hostile environment: executors that throw, refuse, run inline or starve; propagators and listeners that throw;
 * exceptions that cannot even be logged; fatal errors; spawns racing {@code close()}. Each test names the fault it
 * pins down. The randomized traffic lives in {@link MisbehavingTrafficFuzzTests}.
 */
class MisbehavingEnvironmentTests extends ActorSystemTestSupport {

    /** An {@link OutOfMemoryError} like the one a JVM throws when it cannot start a thread; no stack trace. */
    static final class PlannedOutOfMemory extends OutOfMemoryError {

        private static final long serialVersionUID = 1L;

        PlannedOutOfMemory() {
            super("planned: unable to create native thread");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** A refusal without a stack trace. */
    static final class PlannedRejection extends RejectedExecutionException {

        private static final long serialVersionUID = 1L;

        PlannedRejection() {
            super("planned: saturated");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Runs tasks on a pool, after throwing the given throwables from its first {@code execute} calls. */
    static final class FaultyExecutor implements Executor {

        private final Executor delegate;

        private final List<Throwable> faults;

        private final AtomicInteger calls = new AtomicInteger();

        FaultyExecutor(Executor delegate, Throwable... faults) {
            this.delegate = delegate;
            this.faults = List.of(faults);
        }

        @Override
        public void execute(Runnable task) {
            int call = this.calls.getAndIncrement();
            if (call < this.faults.size()) {
                Throwable fault = this.faults.get(call);
                if (fault instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) fault;
            }
            this.delegate.execute(task);
        }
    }

    private static boolean isPlanned(String line) {
        return line.toLowerCase(java.util.Locale.ROOT).contains("planned");
    }

    /** Counts the refused runs the runtime reports. */
    static final class RefusalListener implements ActorListener {

        final AtomicInteger refused = new AtomicInteger();

        @Override
        public void runRefused(Throwable cause) {
            this.refused.incrementAndGet();
        }
    }

    @Test
    void executorThrowingErrorsOrRefusingForAWhileNeitherWedgesTheActorNorThrowsAtTheSender() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        RefusalListener listener = new RefusalListener();
        try (CapturedLog log = CapturedLog.quiet();
                ActorSystem system = ActorSystem.builder().listenerFactory((ref) -> listener).build()) {
            Executor faulty = new FaultyExecutor(pool, new PlannedOutOfMemory(), new PlannedRejection(),
                    new PlannedRejection());
            ActorRef<Integer, Integer> actor = system.spawn("faulty", settings().executor(faulty).build(),
                    () -> (n) -> n + 1);
            actor.cast(1);   // its submission throws an Error: the message is queued, so the sender must not see it
            assertThat(actor.call(41).get(30, TimeUnit.SECONDS)).isEqualTo(42);
            assertThat(actor.state()).isEqualTo(ActorState.RUNNING);
            assertThat(listener.refused).hasValue(3);
            await().atMost(Duration.ofSeconds(30)).until(() -> actor.stats().handled() == 2);
            assertThat(log.printIfAny(MisbehavingEnvironmentTests::isPlanned)).isZero();
            assertThat(log.text()).contains("refusal 3 in a row");
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExecutorThatNeverAcceptsFailsTheActorAndEveryAcceptedMessageIsCounted() throws Exception {
        Executor refusing = (task) -> {
            throw new PlannedRejection();
        };
        ActorSettings settings = settings().executor(refusing).shutdownTimeout(Duration.ofMillis(20)).build();
        try (CapturedLog log = CapturedLog.quiet()) {
            for (int round = 0; round < 50; round++) {
                ActorRef<Integer, Integer> actor = this.system.spawn("refused-" + round, settings, () -> (n) -> n);
                AtomicLong accepted = new AtomicLong();
                inParallel(4, (sender) -> {
                    for (int i = 0; i < 200; i++) {
                        try {
                            actor.cast(i);
                            accepted.incrementAndGet();
                        }
                        catch (ActorClosedException ex) {
                            // refused once the actor failed: counted as rejected-closed too
                        }
                    }
                });
                // Every accepted message is failed and counted; none is left stranded in the mailbox.
                await().atMost(Duration.ofSeconds(30))
                    .until(() -> actor.stats().rejectedClosed() == 800 && actor.stats().mailboxSize() == 0);
                assertThat(actor.state()).isEqualTo(ActorState.FAILED);
                assertThat(accepted.get()).isPositive();
            }
            assertThat(log.printIfAny((line) -> isPlanned(line) || line.contains("queued messages failed")
                    || line.contains("refused to run it"))).isZero();
        }
    }

    /** Casts to itself until it has handled {@code limit} messages. */
    static final class SelfCaster implements Actor<Integer, Void> {

        private final AtomicReference<ActorRef<Integer, Void>> self;

        private final int limit;

        private final CountDownLatch done;

        SelfCaster(AtomicReference<ActorRef<Integer, Void>> self, int limit, CountDownLatch done) {
            this.self = self;
            this.limit = limit;
            this.done = done;
        }

        @Override
        public Void handle(Integer n) {
            if (n < this.limit) {
                this.self.get().cast(n + 1);
            }
            else {
                this.done.countDown();
            }
            return null;
        }
    }

    /**
     * Two actors that cast to themselves: with one thread, each yields to the other after its budget, and its
     * resubmission is what an inline executor runs on the spot.
     */
    private void selfCastOn(String name, Executor executor) throws Exception {
        int messages = 200_000;
        List<ActorRef<Integer, Void>> actors = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            AtomicReference<ActorRef<Integer, Void>> self = new AtomicReference<>();
            self.set(this.system.spawn(name + "-" + i, settings().executor(executor).build(),
                    () -> new SelfCaster(self, messages, done)));
            actors.add(self.get());
        }
        for (ActorRef<Integer, Void> actor : actors) {
            actor.cast(1);
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).as("the last self-casts were handled").isTrue();
        for (ActorRef<Integer, Void> actor : actors) {
            await().atMost(Duration.ofSeconds(30)).until(() -> actor.stats().handled() == messages);
            assertThat(actor.state()).isEqualTo(ActorState.RUNNING);
        }
    }

    @Test
    void anInlineExecutorNeverNestsRunsInsideEachOther() throws Exception {
        selfCastOn("inline", Runnable::run);
    }

    @Test
    void aCallerRunsPoolNeverNestsRunsInsideEachOther() throws Exception {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            selfCastOn("caller-runs", pool);
        }
        finally {
            // A CallerRunsPolicy pool silently drops what is submitted once it is shut down: stop the actors first.
            this.system.close();
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "asyncMode={0}")
    @ValueSource(booleans = { true, false })
    void onAForkJoinPoolAHotActorYieldsToAnActorWokenFromInsideThePool(boolean asyncMode) throws Exception {
        // asyncMode false is LIFO for a worker's own tasks (the common pool, new ForkJoinPool()): a worker runs its
        // newest task first, which would be the yielding actor's own resubmission.
        ForkJoinPool pool = new ForkJoinPool(1, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, asyncMode);
        try {
            AtomicLong hotHandledWhenOtherRan = new AtomicLong(-1);
            CountDownLatch otherRan = new CountDownLatch(1);
            ActorSettings onPool = settings().executor(pool).mailboxCapacity(10_000).build();
            AtomicInteger hotHandled = new AtomicInteger();
            ActorRef<Integer, Void> other = this.system.spawn("other", onPool, () -> (n) -> {
                hotHandledWhenOtherRan.set(hotHandled.get());
                otherRan.countDown();
                return null;
            });
            ActorRef<Integer, Void> hot = this.system.spawn("hot", onPool, () -> (n) -> {
                if (hotHandled.getAndIncrement() == 0) {
                    other.cast(0);   // wakes the other actor from inside the pool: into this worker's own queue
                }
                return null;
            });
            CountDownLatch release = new CountDownLatch(1);
            pool.execute(() -> {
                try {
                    release.await();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            for (int i = 0; i < 5_000; i++) {
                hot.cast(i);
            }
            release.countDown();
            assertThat(otherRan.await(60, TimeUnit.SECONDS)).isTrue();
            // It yields after its throughput budget, as on a ThreadPoolExecutor: not after all 5,000.
            assertThat(hotHandledWhenOtherRan.get()).isLessThanOrEqualTo(2L * ActorSettings.DEFAULT_THROUGHPUT);
        }
        finally {
            this.system.close();
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchResultListWhoseGetThrowsFailsTheWholeBatch() throws Exception {
        ActorSettings batches = settings().batchMaxSize(3).batchMaxTime(Duration.ofMinutes(1)).build();
        ActorRef<Integer, Integer> actor = this.system.spawnBatch("lazy-results", batches, () -> (messages) ->
                new AbstractList<Integer>() {
                    @Override
                    public Integer get(int index) {
                        if (index == 1) {
                            throw new PlannedFailure("planned: result " + index + " cannot be computed");
                        }
                        return messages.get(index);
                    }

                    @Override
                    public int size() {
                        return messages.size();
                    }
                });
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(actor.call(i));
        }
        for (CompletableFuture<Integer> call : calls) {
            assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(PlannedFailure.class);
        }
        ActorStats stats = actor.stats();
        assertThat(stats.failed()).isEqualTo(3);
        assertThat(stats.handled()).isZero();
    }

    /** A propagator that throws from {@code capture} or {@code restore} while {@code failing} is set. */
    static final class FailingPropagator implements ContextPropagator {

        volatile boolean failCapture;

        volatile boolean failRestore;

        final AtomicInteger closed = new AtomicInteger();

        @Override
        public Object capture() {
            if (this.failCapture) {
                throw new PlannedFailure("planned: capture");
            }
            return "context";
        }

        @Override
        public Scope restore(Object snapshot) {
            if (this.failRestore) {
                throw new PlannedFailure("planned: restore");
            }
            return this.closed::incrementAndGet;
        }
    }

    @Test
    void aPropagatorThatThrowsInCaptureTakesNoSlot() throws Exception {
        FailingPropagator propagator = new FailingPropagator();
        try (ActorSystem system = ActorSystem.builder().contextPropagator(propagator).build()) {
            ActorRef<Integer, Integer> actor = system.spawn("capture", settings().mailboxCapacity(2).build(),
                    () -> (n) -> n);
            propagator.failCapture = true;
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> actor.cast(1)).isInstanceOf(PlannedFailure.class);
                assertThat(actor.call(1)).failsWithin(Duration.ofSeconds(10));
            }
            assertThat(actor.stats().mailboxSize()).isZero();
            propagator.failCapture = false;
            assertThat(actor.call(7).get(30, TimeUnit.SECONDS)).isEqualTo(7);
            assertThat(actor.stop()).succeedsWithin(Duration.ofSeconds(30));
        }
    }

    @Test
    void aPropagatorThatThrowsInRestoreFailsTheMessageAndCountsIt() throws Exception {
        FailingPropagator propagator = new FailingPropagator();
        try (CapturedLog log = CapturedLog.quiet();
                ActorSystem system = ActorSystem.builder().contextPropagator(propagator).build()) {
            ActorRef<Integer, Integer> actor = system.spawn("restore", settings().build(), () -> (n) -> n);
            propagator.failRestore = true;
            assertThatThrownBy(() -> actor.call(1).get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(PlannedFailure.class);
            actor.cast(2);
            await().atMost(Duration.ofSeconds(30)).until(() -> actor.stats().failed() == 2);
            propagator.failRestore = false;
            assertThat(actor.call(3).get(30, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(propagator.closed).hasValue(1);
            assertThat(log.printIfAny((line) -> isPlanned(line) || line.contains("failed to handle a cast"))).isZero();
        }
    }

    @Test
    void aListenerThatThrowsNeitherLosesNorMiscountsMessages() throws Exception {
        ActorListener throwing = new ActorListener() {
            @Override
            public void messageStarted(long waitNanos) {
                throw new PlannedFailure("planned: listener");
            }

            @Override
            public void messageProcessed(long nanos, boolean success) {
                throw new PlannedFailure("planned: listener");
            }
        };
        try (CapturedLog log = CapturedLog.quiet();
                ActorSystem system = ActorSystem.builder().listenerFactory((ref) -> throwing).build()) {
            ActorRef<Integer, Integer> actor = system.spawn("listened", settings().build(), () -> (n) -> n);
            for (int i = 0; i < 100; i++) {
                assertThat(actor.call(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
            }
            assertThat(actor.stats().handled()).isEqualTo(100);
            assertThat(log.text().lines().filter((line) -> line.contains("its listener threw")).count()).isOne();
            assertThat(log.printIfAny((line) -> isPlanned(line) || line.contains("its listener threw"))).isZero();
        }
    }

    /** An exception whose message cannot be read: logging it throws. */
    static final class UnprintableFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new IllegalStateException("planned: getMessage");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    @Test
    void anExceptionThatCannotBeLoggedStillStopsAnActorWhosePolicyIsStop() throws Exception {
        try (CapturedLog log = CapturedLog.quiet()) {
            ActorRef<Integer, Integer> actor = this.system.spawn("unprintable",
                    settings().onFailure(FailurePolicy.STOP).build(), () -> (n) -> {
                        throw new UnprintableFailure();
                    });
            // Not assertThatThrownBy: describing the cause would read its message.
            CompletableFuture<Throwable> cause = actor.call(1).handle((result, failure) -> failure);
            assertThat(cause.get(30, TimeUnit.SECONDS)).isInstanceOf(UnprintableFailure.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> actor.state() == ActorState.FAILED);
            assertThatThrownBy(() -> actor.cast(2)).isInstanceOf(ActorClosedException.class);
        }
    }

    @Test
    void aFatalErrorStopsTheActorWhateverItsPolicyAndReachesTheUncaughtExceptionHandler() throws Exception {
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        ExecutorService pool = Executors.newSingleThreadExecutor((task) -> {
            Thread thread = new Thread(task);
            thread.setUncaughtExceptionHandler((t, ex) -> uncaught.set(ex));
            return thread;
        });
        try (CapturedLog log = CapturedLog.quiet()) {
            for (FailurePolicy policy : FailurePolicy.values()) {
                ActorRef<Integer, Integer> actor = this.system.spawn("fatal-" + policy,
                        settings().executor(pool).onFailure(policy).build(), () -> (n) -> {
                            throw new PlannedOutOfMemory();
                        });
                uncaught.set(null);
                assertThatThrownBy(() -> actor.call(1).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(PlannedOutOfMemory.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> actor.state() == ActorState.FAILED);
                assertThat(uncaught.get()).isInstanceOf(PlannedOutOfMemory.class);
                assertThat(actor.stats().lastError()).isInstanceOf(PlannedOutOfMemory.class);
            }
            assertThat(log.printIfAny((line) -> line.contains("hit a fatal error"))).isZero();
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallThatExpiredInAPartialBatchIsCountedAsExpiredWhenTheStopAborts() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            ActorSettings batches = settings().executor(pool).batchMaxSize(10).batchMaxTime(Duration.ofMinutes(1))
                .shutdownTimeout(Duration.ofMillis(1)).build();
            ActorRef<Integer, Integer> actor = this.system.spawnBatch("partial", batches, () -> (messages) -> messages);
            CompletableFuture<Integer> call = actor.call(1, Duration.ofMillis(20));
            assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ActorCallTimeoutException.class);
            // Hold the actor's only thread, so that the stop's abort is requested before its run takes the batch.
            CountDownLatch release = new CountDownLatch(1);
            pool.execute(() -> {
                try {
                    release.await();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            CompletableFuture<Void> stopped = actor.stop();
            await().pollDelay(Duration.ofMillis(100)).until(() -> true);
            release.countDown();
            assertThat(stopped).succeedsWithin(Duration.ofSeconds(30));
            ActorStats stats = actor.stats();
            assertThat(stats.expired()).isOne();
            assertThat(stats.rejectedClosed()).isZero();
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void spawnsRacingCloseLeaveNoActorRunning() throws Exception {
        for (int round = 0; round < 50; round++) {
            ActorSystem racing = ActorSystem.create();
            AtomicInteger spawned = new AtomicInteger();
            CountDownLatch started = new CountDownLatch(1);
            Thread spawner = new Thread(() -> {
                try {
                    for (int i = 0;; i++) {
                        racing.spawn("racer-" + i, () -> (Integer n) -> n);
                        spawned.incrementAndGet();
                        started.countDown();
                    }
                }
                catch (IllegalStateException closed) {
                    started.countDown();
                }
            });
            spawner.start();
            started.await();
            racing.close();
            spawner.join(60_000);
            assertThat(racing.actors()).hasSize(spawned.get())
                .allSatisfy((actor) -> assertThat(actor.state()).isEqualTo(ActorState.STOPPED));
        }
    }

    @Test
    void aSpawnThatPassedItsChecksWhenCloseBeganIsStoppedOrRefused() throws Exception {
        for (int round = 0; round < 10; round++) {
            // The listener factory runs inside the system's lock: holding it there lines up a second spawn and the
            // close behind that lock, in the order of the race.
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ActorSystem racing = ActorSystem.builder().listenerFactory((ref) -> {
                if (ref.name().equals("first")) {
                    holding.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
                return ActorListener.NONE;
            }).build();
            Thread first = new Thread(() -> racing.spawn("first", () -> (Integer n) -> n));
            AtomicReference<Object> second = new AtomicReference<>();
            Thread secondSpawner = new Thread(() -> {
                try {
                    second.set(racing.spawn("second", () -> (Integer n) -> n));
                }
                catch (IllegalStateException closed) {
                    second.set(closed);
                }
            });
            Thread closer = new Thread(racing::close);
            first.start();
            holding.await();
            secondSpawner.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> secondSpawner.getState() == Thread.State.BLOCKED);
            closer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> closer.getState() == Thread.State.BLOCKED);
            release.countDown();
            for (Thread thread : List.of(first, secondSpawner, closer)) {
                thread.join(60_000);
            }
            assertThat(closer.isAlive()).isFalse();
            if (second.get() instanceof ActorRef<?, ?> actor) {
                assertThat(actor.state()).as("round %d", round).isEqualTo(ActorState.STOPPED);
            }
            else {
                assertThat(second.get()).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void aStopAfterCloseEndsAtOnce() {
        ActorRef<Integer, Integer> actor = this.system.spawn("late", () -> (n) -> n);
        this.system.close();
        assertThat(actor.stop()).succeedsWithin(Duration.ofSeconds(30));
        assertThat(actor.state()).isEqualTo(ActorState.STOPPED);
    }
}
