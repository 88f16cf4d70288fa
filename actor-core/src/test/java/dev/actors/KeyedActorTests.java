package dev.actors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.actors.internal.KeyedActorCell;
import dev.actors.spi.ActorClock;
import dev.actors.spi.ActorListener;
import dev.actors.spi.PassivationReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Keyed actors: one instance per key, made at the key's first message, passivated when idle or over the limit,
 * with each key's own failure policy, and every instance closed when it ends.
 */
class KeyedActorTests {

    /** How far apart, in spins, the two sides of a racing pair may start: one spread a round, in turn. */
    private static final int[] SPREADS = {16, 32, 64, 128};

    private final AtomicLong clock = new AtomicLong();

    private final Events events = new Events();

    private final SteppedClock steppedClock = new SteppedClock(this.clock);

    private ActorSystem system;

    @BeforeEach
    void createSystem() {
        this.system = ActorSystem.builder()
            .clock(this.steppedClock)
            .keyedListenerFactory((actor) -> this.events)
            .build();
    }

    @AfterEach
    void closeSystem() {
        this.system.close();
        this.steppedClock.timer.shutdownNow();
    }

    /**
     * A clock whose time the test moves, its delayed tasks on a real timer thread: the idle sweeps read the test's
     * time, and the tests call {@code sweepIdle()} themselves.
     */
    static final class SteppedClock implements ActorClock {

        private final AtomicLong time;

        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "stepped-clock");
            thread.setDaemon(true);
            return thread;
        });

        SteppedClock(AtomicLong time) {
            this.time = time;
        }

        @Override
        public long nanoTime() {
            return this.time.get();
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
            return this.timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Counts what a keyed actor's listener hears. */
    static final class Events implements ActorListener {

        final AtomicInteger activated = new AtomicInteger();

        final Map<PassivationReason, AtomicInteger> passivated = new ConcurrentHashMap<>();

        final AtomicInteger closeFailures = new AtomicInteger();

        @Override
        public void keyActivated() {
            this.activated.incrementAndGet();
        }

        @Override
        public void keyPassivated(PassivationReason reason) {
            this.passivated.computeIfAbsent(reason, (r) -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void closeFailed(Throwable failure) {
            this.closeFailures.incrementAndGet();
        }

        int passivated(PassivationReason reason) {
            AtomicInteger count = this.passivated.get(reason);
            return (count != null) ? count.get() : 0;
        }
    }

    /**
     * Records, per key, its messages and the life of its instances ("open 1", "close 1", ...), in the order they
     * happen; "-1" throws, a message whose gate is set waits at it.
     */
    static final class Journal {

        final Map<String, List<String>> log = new ConcurrentHashMap<>();

        final Map<String, AtomicInteger> instances = new ConcurrentHashMap<>();

        final Map<String, Gate> gates = new ConcurrentHashMap<>();

        volatile CountDownLatch closeMayReturn;

        /** Counted down by each close() once it has read {@link #closeMayReturn}, before it waits for it. */
        volatile CountDownLatch closeEntered;

        List<String> of(String key) {
            return this.log.computeIfAbsent(key, (k) -> Collections.synchronizedList(new ArrayList<>()));
        }

        int instances(String key) {
            AtomicInteger count = this.instances.get(key);
            return (count != null) ? count.get() : 0;
        }

        Recorder create(String key) {
            int number = this.instances.computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
            of(key).add("open " + number);
            return new Recorder(this, key, number);
        }
    }

    static final class Recorder implements Actor<String, String>, AutoCloseable {

        private final Journal journal;

        private final String key;

        private final int number;

        private final AtomicBoolean busy = new AtomicBoolean();

        Recorder(Journal journal, String key, int number) {
            this.journal = journal;
            this.key = key;
            this.number = number;
        }

        @Override
        public String handle(String message) throws Exception {
            if (!this.busy.compareAndSet(false, true)) {
                throw new AssertionError("two messages at once for " + this.key);
            }
            try {
                Gate gate = this.journal.gates.get(message);
                if (gate != null) {
                    gate.pass();
                }
                if (message.equals("-1")) {
                    throw new IllegalStateException("broken " + this.key);
                }
                this.journal.of(this.key).add(message);
                return this.key + "#" + this.number + ":" + message;
            }
            finally {
                this.busy.set(false);
            }
        }

        @Override
        public void close() throws Exception {
            if (this.busy.get()) {
                throw new AssertionError("close() beside the handler for " + this.key);
            }
            CountDownLatch mayReturn = this.journal.closeMayReturn;
            CountDownLatch entered = this.journal.closeEntered;
            if (entered != null) {
                entered.countDown();
            }
            if (mayReturn != null) {
                mayReturn.await(60, TimeUnit.SECONDS);
            }
            this.journal.of(this.key).add("close " + this.number);
        }
    }

    /** An executor that only queues: the test runs the tasks, on a thread of its choice. */
    static final class HeldTasks implements Executor {

        private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(Runnable task) {
            this.tasks.add(task);
        }

        Runnable take() {
            return this.tasks.poll();
        }

        /** Runs every queued task, and those they queue, on this thread. */
        void runAll() {
            Runnable task;
            while ((task = this.tasks.poll()) != null) {
                task.run();
            }
        }
    }

    private KeyedActorRef<String, String> recorder(String name, ActorSettings settings, Journal journal) {
        return this.system.spawnKeyed(name, settings, journal::create);
    }

    private static ActorSettings.Builder settings() {
        return ActorSettings.builder();
    }

    private static int sweep(KeyedActorRef<?, ?> actor) {
        return ((KeyedActorCell<?, ?>) actor).sweepIdle();
    }

    @Test
    void forKeyMakesNoInstanceAndTheFirstMessageMakesOneForItsKey() throws Exception {
        Journal journal = new Journal();
        KeyedActorRef<String, String> carts = recorder("carts", settings().build(), journal);
        ActorHandle<String, String> cart = carts.forKey("c1");
        assertThat(cart.name()).isEqualTo("carts");
        assertThat(journal.instances("c1")).isZero();
        assertThat(carts.activeCount()).isZero();
        assertThat(cart.call("a").get(10, TimeUnit.SECONDS)).isEqualTo("c1#1:a");
        assertThat(carts.forKey("c1").call("b").get(10, TimeUnit.SECONDS)).isEqualTo("c1#1:b");
        assertThat(journal.instances("c1")).isEqualTo(1);
        assertThat(carts.activeCount()).isEqualTo(1);
        assertThat(this.events.activated).hasValue(1);
        assertThat(carts.stats("c1")).hasValueSatisfying((stats) -> assertThat(stats.handled()).isEqualTo(2));
        assertThat(carts.stats("c2")).isEmpty();
    }

    @Test
    void aNullOrEmptyKeyFailsNamingTheActor() {
        KeyedActorRef<String, String> carts = recorder("carts", settings().build(), new Journal());
        assertThatThrownBy(() -> carts.forKey(null)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'carts'");
        assertThatThrownBy(() -> carts.forKey("")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'carts'");
    }

    @Test
    void eachKeyHasOneInstanceAndOneMessageAtATimeWhileKeysRunInParallel() throws Exception {
        Journal journal = new Journal();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            KeyedActorRef<String, String> carts = recorder("carts", settings().executor(pool).build(), journal);
            // Key "slow" holds a thread; the other keys are still served meanwhile.
            Gate gate = new Gate();
            journal.gates.put("wait", gate);
            CompletableFuture<String> slow = carts.forKey("slow").call("wait");
            gate.awaitEntered();
            int keys = 20;
            int perKey = 200;
            List<CompletableFuture<String>> replies = new CopyOnWriteArrayList<>();
            ActorSystemTestSupport.inParallel(4, (sender) -> {
                for (int i = 0; i < perKey; i++) {
                    for (int k = sender; k < keys; k += 4) {
                        replies.add(carts.forKey("k" + k).call(sender + "-" + i));
                    }
                }
            });
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            for (int k = 0; k < keys; k++) {
                assertThat(journal.instances("k" + k)).isEqualTo(1);
                assertThat(journal.of("k" + k)).hasSize(perKey + 1);   // "open 1" and its messages
            }
            assertThat(slow).isNotDone();
            gate.open();
            assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow#1:wait");
        }
        finally {
            this.system.close();
            pool.shutdownNow();
        }
    }

    @Test
    void aFloodedKeyGivesTheThreadToOtherKeysAfterItsThroughput() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            AtomicInteger floodHandled = new AtomicInteger();
            KeyedActorRef<String, Integer> actor = this.system.spawnKeyed("fair",
                    settings().executor(single).throughput(16).build(),
                    (key) -> (message) -> key.equals("flood") ? floodHandled.incrementAndGet() : floodHandled.get());
            Gate gate = new Gate();
            single.execute(() -> {
                try {
                    gate.pass();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            gate.awaitEntered();
            // Both keys are queued behind the blocked thread: the flood first, then one call of another key.
            for (int i = 0; i < 900; i++) {
                actor.forKey("flood").cast("x");
            }
            CompletableFuture<Integer> other = actor.forKey("other").call("x");
            gate.open();
            assertThat(other.get(10, TimeUnit.SECONDS)).isLessThan(900);
        }
        finally {
            this.system.close();
            single.shutdownNow();
        }
    }

    @Test
    void aSendersOrderHoldsAcrossAPassivationAndTheNextInstanceWaitsForClose() throws Exception {
        Journal journal = new Journal();
        KeyedActorRef<String, String> carts = recorder("carts", settings().build(), journal);
        ActorHandle<String, String> cart = carts.forKey("c");
        Gate gate = new Gate();
        journal.gates.put("m0", gate);
        journal.closeMayReturn = new CountDownLatch(1);
        cart.cast("m0");
        gate.awaitEntered();
        for (int i = 1; i < 50; i++) {
            cart.cast("m" + i);
        }
        CompletableFuture<Void> passivated = carts.passivate("c");
        // Sent while the key passivates: queued for the next instance, not lost, not handled by the old one.
        for (int i = 50; i < 100; i++) {
            cart.cast("m" + i);
        }
        CompletableFuture<String> last = cart.call("m100");
        gate.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> journal.of("c").contains("m49"));
        // The old instance is inside close(): the next one is not made before it returns.
        assertThat(journal.instances("c")).isEqualTo(1);
        assertThat(last).isNotDone();
        journal.closeMayReturn.countDown();
        assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo("c#2:m100");
        passivated.get(10, TimeUnit.SECONDS);
        List<String> expected = new ArrayList<>();
        expected.add("open 1");
        for (int i = 0; i < 50; i++) {
            expected.add("m" + i);
        }
        expected.add("close 1");
        expected.add("open 2");
        for (int i = 50; i <= 100; i++) {
            expected.add("m" + i);
        }
        assertThat(journal.of("c")).containsExactlyElementsOf(expected);
        assertThat(this.events.passivated(PassivationReason.IDLE)).isEqualTo(1);
        assertThat(this.events.activated).hasValue(2);
    }

    @Test
    void aKeyPassivatedAgainAndAgainBehindASlowCloseOpensEachInstanceOnlyAfterThePreviousClosed() throws Exception {
        // Every run is the test's to start: nothing may run that the test does not see queued.
        HeldTasks tasks = new HeldTasks();
        Journal journal = new Journal();
        KeyedActorRef<String, String> carts = recorder("carts", settings().executor(tasks).build(), journal);
        ActorHandle<String, String> cart = carts.forKey("c");
        CompletableFuture<String> first = cart.call("a");
        tasks.runAll();
        assertThat(first).isCompletedWithValue("c#1:a");
        CountDownLatch firstCloseMayReturn = new CountDownLatch(1);
        journal.closeEntered = new CountDownLatch(1);
        journal.closeMayReturn = firstCloseMayReturn;
        CompletableFuture<Void> firstPassivated = carts.passivate("c");
        // The first instance's close() blocks on a thread of its own; only it waits.
        Runnable closing = tasks.take();
        assertThat(closing).isNotNull();
        Thread closer = new Thread(closing, "closer");
        closer.start();
        assertThat(journal.closeEntered.await(10, TimeUnit.SECONDS)).isTrue();
        journal.closeMayReturn = null;
        // Meanwhile the key gets three more cells, each passivated before it ever ran, each with a message queued.
        List<CompletableFuture<String>> replies = new ArrayList<>();
        for (String message : List.of("b", "x", "y")) {
            replies.add(cart.call(message));
            carts.passivate("c");
        }
        CompletableFuture<String> last = cart.call("z");
        // Whatever could run now runs: none of them may make an instance while the first close() has not returned.
        tasks.runAll();
        assertThat(journal.of("c")).containsExactly("open 1", "a");
        assertThat(journal.instances("c")).isEqualTo(1);
        assertThat(firstPassivated).isNotDone();
        firstCloseMayReturn.countDown();
        closer.join(10_000);
        assertThat(closer.isAlive()).isFalse();
        tasks.runAll();
        assertThat(last).isCompletedWithValue("c#5:z");
        assertThat(replies).extracting(CompletableFuture::join).containsExactly("c#2:b", "c#3:x", "c#4:y");
        assertThat(journal.of("c")).containsExactly("open 1", "a", "close 1", "open 2", "b", "close 2", "open 3", "x",
                "close 3", "open 4", "y", "close 4", "open 5", "z");
        assertThat(firstPassivated).isDone();
        assertThat(carts.activeCount()).isEqualTo(1);
        CompletableFuture<Void> stopped = carts.stop();
        tasks.runAll();
        assertThat(stopped).isDone();
        assertThat(journal.of("c")).endsWith("open 5", "z", "close 5");
    }

    @Test
    void activationsRacingTheEndOfTheKeysOldCellKeepTheNewCellReachableAndNeverOverlapInstances() throws Exception {
        // A closer thread ends each key's old cell (close(), then its termination and retirement) while the test
        // sends the key's next message, which makes the key's next cell: the two race, pair by pair, over many keys.
        HeldTasks tasks = new HeldTasks();
        Journal journal = new Journal();
        KeyedActorRef<String, String> carts = recorder("carts", settings().executor(tasks).build(), journal);
        int keys = 100;
        int rounds = 100;
        for (int k = 0; k < keys; k++) {
            carts.forKey("k" + k).cast("0");
        }
        tasks.runAll();
        Runnable[] ends = new Runnable[keys];
        AtomicInteger go = new AtomicInteger(-1);
        AtomicInteger done = new AtomicInteger(-1);
        AtomicReference<Throwable> closerFailed = new AtomicReference<>();
        Thread closer = new Thread(() -> {
            try {
                for (int pair = 0;; pair++) {
                    if (awaitAtLeast(go, pair) == Integer.MAX_VALUE) {
                        return;
                    }
                    // Each pair starts the two sides a little apart, differently, so that over many pairs every
                    // point of one side meets every point of the other.
                    spin((pair * 53) % SPREADS[(pair / keys) % SPREADS.length]);
                    ends[pair % keys].run();
                    done.set(pair);
                }
            }
            catch (Throwable ex) {
                closerFailed.set(ex);
                done.set(Integer.MAX_VALUE);
            }
        }, "closer");
        closer.start();
        int pair = 0;
        try {
            for (int round = 1; round <= rounds; round++) {
                for (int k = 0; k < keys; k++) {
                    carts.passivate("k" + k);
                    ends[k] = tasks.take();
                    assertThat(ends[k]).as("the stop of key k%d", k).isNotNull();
                }
                for (int k = 0; k < keys; k++, pair++) {
                    go.set(pair);
                    spin((pair * 37) % SPREADS[(pair / keys) % SPREADS.length]);
                    carts.forKey("k" + k).cast(Integer.toString(round));
                    awaitAtLeast(done, pair);
                }
                assertThat(closerFailed).hasValue(null);
                tasks.runAll();
                // Every key has one live cell, and finds it: a cell the map lost could never be passivated or stopped.
                for (int k = 0; k < keys; k++) {
                    assertThat(carts.stats("k" + k)).as("round %d: the live cell of key k%d", round, k).isPresent();
                }
                assertThat(carts.activeCount()).as("round %d", round).isEqualTo(keys);
            }
        }
        finally {
            go.set(Integer.MAX_VALUE);
            closer.join(10_000);
        }
        CompletableFuture<Void> stopped = carts.stop();
        tasks.runAll();
        assertThat(stopped).isDone();
        for (int k = 0; k < keys; k++) {
            // Instance n handles message n - 1 and closes before instance n + 1 opens.
            List<String> expected = new ArrayList<>();
            for (int n = 1; n <= rounds + 1; n++) {
                expected.add("open " + n);
                expected.add(Integer.toString(n - 1));
                expected.add("close " + n);
            }
            assertThat(journal.of("k" + k)).as("key k%d", k).containsExactlyElementsOf(expected);
        }
    }

    private static void spin(int times) {
        for (int i = 0; i < times; i++) {
            Thread.onSpinWait();
        }
    }

    /** Waits for the counter to reach the value, spinning first, then yielding to a partner that lacks a core. */
    private static int awaitAtLeast(AtomicInteger counter, int value) {
        int current;
        for (int i = 0; (current = counter.get()) < value; i++) {
            if (i < 1000) {
                Thread.onSpinWait();
            }
            else {
                Thread.yield();
            }
        }
        return current;
    }

    @Test
    void manySendersRacingWithPassivationsLoseNothingAndNeverOverlapInstances() throws Exception {
        Journal journal = new Journal();
        KeyedActorRef<String, String> carts = recorder("carts", settings().mailboxCapacity(10_000).build(), journal);
        int senders = 3;
        int perSender = 2000;
        List<CompletableFuture<String>> replies = new CopyOnWriteArrayList<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread passivator = new Thread(() -> {
            while (sending.get()) {
                carts.passivate("hot").join();
            }
        });
        passivator.start();
        ActorSystemTestSupport.inParallel(senders, (sender) -> {
            for (int i = 0; i < perSender; i++) {
                replies.add(carts.forKey("hot").call(sender + "-" + i));
            }
        });
        sending.set(false);
        passivator.join(60_000);
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        List<String> log = new ArrayList<>(journal.of("hot"));
        // Instances follow each other: open n, its messages, close n, open n+1...
        int open = 0;
        boolean live = false;
        int[] next = new int[senders];
        for (int i = 0; i < log.size(); i++) {
            String entry = log.get(i);
            if (entry.startsWith("open ")) {
                assertThat(live).as("an instance opened before the previous one closed, after %s",
                        log.subList(Math.max(0, i - 8), i)).isFalse();
                assertThat(Integer.parseInt(entry.substring(5))).isEqualTo(++open);
                live = true;
            }
            else if (entry.startsWith("close ")) {
                assertThat(Integer.parseInt(entry.substring(6))).isEqualTo(open);
                live = false;
            }
            else {
                assertThat(live).isTrue();
                String[] parts = entry.split("-");
                int sender = Integer.parseInt(parts[0]);
                assertThat(Integer.parseInt(parts[1])).as("sender %d's order", sender).isEqualTo(next[sender]++);
            }
        }
        assertThat(next).containsOnly(perSender);
    }

    @Test
    void aKeyIdleForPassivateAfterIsClosedAndItsNextMessageActivatesItAgain() throws Exception {
        Journal journal = new Journal();
        KeyedActorRef<String, String> carts = recorder("carts",
                settings().passivateAfter(Duration.ofMinutes(2)).build(), journal);
        carts.forKey("idle").call("a").get(10, TimeUnit.SECONDS);
        this.clock.addAndGet(Duration.ofSeconds(60).toNanos());
        carts.forKey("busy").call("a").get(10, TimeUnit.SECONDS);
        assertThat(sweep(carts)).isZero();
        this.clock.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(sweep(carts)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> carts.activeCount() == 1);
        assertThat(journal.of("idle")).containsExactly("open 1", "a", "close 1");
        assertThat(journal.of("busy")).containsExactly("open 1", "a");
        assertThat(this.events.passivated(PassivationReason.IDLE)).isEqualTo(1);
        assertThat(carts.forKey("idle").call("b").get(10, TimeUnit.SECONDS)).isEqualTo("idle#2:b");
        assertThat(carts.stats().handled()).isEqualTo(3);   // passivated keys still count
    }

    @Test
    void beyondMaxActiveTheLeastRecentlyUsedIdleKeyIsPassivated() throws Exception {
        Journal journal = new Journal();
        KeyedActorRef<String, String> carts = recorder("carts", settings().maxActive(3).build(), journal);
        for (String key : List.of("a", "b", "c", "a")) {
            this.clock.incrementAndGet();
            carts.forKey(key).call("x").get(10, TimeUnit.SECONDS);
        }
        Gate gate = new Gate();
        journal.gates.put("hold", gate);
        this.clock.incrementAndGet();
        carts.forKey("c").cast("hold");   // c is the most recent, and busy
        gate.awaitEntered();
        this.clock.incrementAndGet();
        carts.forKey("d").call("x").get(10, TimeUnit.SECONDS);
        // b is the least recently used: the one passivated.
        await().atMost(Duration.ofSeconds(10)).until(() -> carts.activeCount() == 3);
        assertThat(journal.of("b")).endsWith("close 1");
        assertThat(journal.of("a")).doesNotContain("close 1");
        assertThat(journal.of("c")).doesNotContain("close 1");
        assertThat(this.events.passivated(PassivationReason.LIMIT)).isEqualTo(1);
        gate.open();
    }

    @Test
    void aKeyActivatedBeyondMaxActiveWhileEveryOtherKeyIsBusyIsServedAndTheBusyOneIsPassivated() throws Exception {
        Journal journal = new Journal();
        KeyedActorRef<String, String> carts = recorder("carts", settings().maxActive(1).build(), journal);
        Gate gate = new Gate();
        journal.gates.put("hold", gate);
        carts.forKey("busy").cast("hold");
        gate.awaitEntered();
        try {
            // The new key's own cell, idle until its message is in, must not be the one passivated: its sender
            // would go round activating and passivating for as long as "busy" stays busy.
            CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> carts.forKey("new").call("x"))
                .thenCompose((call) -> call);
            assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("new#1:x");
        }
        finally {
            gate.open();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> carts.activeCount() == 1);
        assertThat(journal.of("busy")).containsExactly("open 1", "hold", "close 1");
        assertThat(journal.of("new")).containsExactly("open 1", "x");
        assertThat(this.events.passivated(PassivationReason.LIMIT)).isEqualTo(1);
    }

    @Test
    void manyKeysTouchedOnceStayWithinMaxActive() throws Exception {
        int maxActive = 500;
        AtomicInteger handled = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        KeyedActorRef<Integer, Integer> actor = this.system.spawnKeyed("many", settings().maxActive(maxActive).build(),
                (key) -> new CountingInstance(handled, closed));
        int keys = 50_000;
        int peak = 0;
        for (int i = 0; i < keys; i++) {
            actor.forKey("k" + i).cast(i);
            peak = Math.max(peak, actor.activeCount());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> handled.get() == keys);
        await().atMost(Duration.ofSeconds(10)).until(() -> actor.activeCount() <= maxActive);
        // Passivation runs beside the senders, so a few closing instances may still count: never the key count.
        assertThat(peak).isLessThan(4 * maxActive);
        assertThat(closed.get()).isEqualTo(keys - actor.activeCount());
    }

    static final class CountingInstance implements Actor<Integer, Integer>, AutoCloseable {

        private final AtomicInteger handled;

        private final AtomicInteger closed;

        CountingInstance(AtomicInteger handled, AtomicInteger closed) {
            this.handled = handled;
            this.closed = closed;
        }

        @Override
        public Integer handle(Integer message) {
            return this.handled.incrementAndGet();
        }

        @Override
        public void close() {
            this.closed.incrementAndGet();
        }
    }

    @Test
    void restartReplacesOnlyTheFailingKeysInstanceAndCountsIntensityPerKey() throws Exception {
        Journal journal = new Journal();
        KeyedActorRef<String, String> carts = recorder("carts",
                settings().onFailure(FailurePolicy.RESTART).maxRestarts(1).build(), journal);
        try (CapturedLog log = CapturedLog.quiet()) {
            carts.forKey("b").call("x").get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> carts.forKey("a").call("-1").join()).hasCauseInstanceOf(
                    IllegalStateException.class);
            // One restart each: a restart count shared by the keys would stop the second key here.
            assertThatThrownBy(() -> carts.forKey("b").call("-1").join()).hasCauseInstanceOf(
                    IllegalStateException.class);
            assertThat(carts.forKey("a").call("y").get(10, TimeUnit.SECONDS)).isEqualTo("a#2:y");
            assertThat(carts.forKey("b").call("y").get(10, TimeUnit.SECONDS)).isEqualTo("b#2:y");
            assertThat(journal.of("b")).containsExactly("open 1", "x", "close 1", "open 2", "y");
            // A second failure of "a" is over its own intensity: only "a" stops; its next message starts over.
            assertThatThrownBy(() -> carts.forKey("a").call("-1").join()).hasCauseInstanceOf(
                    IllegalStateException.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> carts.stats("a").isEmpty());
            assertThat(carts.forKey("a").call("z").get(10, TimeUnit.SECONDS)).isEqualTo("a#3:z");
            assertThat(carts.forKey("b").call("z").get(10, TimeUnit.SECONDS)).isEqualTo("b#2:z");
            assertThat(this.events.passivated(PassivationReason.FAILURE)).isEqualTo(1);
            assertThat(log.text()).contains("Actor 'carts' (key 'a')");
        }
    }

    @Test
    void stopEndsOnlyTheFailingKeyFailsItsQueueAndTheNextMessageStartsOver() throws Exception {
        Journal journal = new Journal();
        KeyedActorRef<String, String> carts = recorder("carts", settings().onFailure(FailurePolicy.STOP).build(),
                journal);
        try (CapturedLog log = CapturedLog.quiet()) {
            Gate gate = new Gate();
            journal.gates.put("hold", gate);
            carts.forKey("a").cast("hold");
            gate.awaitEntered();
            CompletableFuture<String> failing = carts.forKey("a").call("-1");
            CompletableFuture<String> queued = carts.forKey("a").call("q");
            CompletableFuture<String> other = carts.forKey("b").call("x");
            gate.open();
            assertThatThrownBy(failing::join).hasCauseInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ActorClosedException.class);
            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("b#1:x");
            await().atMost(Duration.ofSeconds(10)).until(() -> carts.stats("a").isEmpty());
            assertThat(carts.forKey("a").call("again").get(10, TimeUnit.SECONDS)).isEqualTo("a#2:again");
            assertThat(journal.of("a")).containsExactly("open 1", "hold", "close 1", "open 2", "again");
        }
    }

    @Test
    void aFactoryThatFailsForEveryKeyMakesTheKindFailedUntilOneActivationSucceeds() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        KeyedActorRef<String, String> actor = this.system.spawnKeyed("fragile", (key) -> {
            if (broken.get()) {
                throw new IllegalStateException("no database");
            }
            return (message) -> message;
        });
        try (CapturedLog log = CapturedLog.quiet()) {
            for (int i = 0; i < 3; i++) {
                assertThat(actor.state()).isEqualTo(ActorState.RUNNING);
                CompletableFuture<String> call = actor.forKey("k" + i).call("x");
                assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(ActorClosedException.class)
                    .rootCause().hasMessage("no database");
            }
            assertThat(actor.state()).isEqualTo(ActorState.FAILED);
            assertThat(log.text()).contains("Actor 'fragile' (key 'k0') could not be activated");
            broken.set(false);
            assertThat(actor.forKey("k0").call("x").get(10, TimeUnit.SECONDS)).isEqualTo("x");
            assertThat(actor.state()).isEqualTo(ActorState.RUNNING);
        }
    }

    @Test
    void aCloseThatThrowsIsLoggedWithActorAndKeyAndCounted() throws Exception {
        KeyedActorRef<String, String> actor = this.system.spawnKeyed("leaky", (key) -> new BadClose());
        try (CapturedLog log = CapturedLog.quiet()) {
            actor.forKey("k1").call("x").get(10, TimeUnit.SECONDS);
            actor.passivate("k1").get(10, TimeUnit.SECONDS);
            assertThat(log.text()).contains("Actor 'leaky' (key 'k1'): close() threw").contains("disk full");
            assertThat(this.events.closeFailures).hasValue(1);
            assertThat(actor.forKey("k1").call("y").get(10, TimeUnit.SECONDS)).isEqualTo("y");
        }
    }

    static final class BadClose implements Actor<String, String>, AutoCloseable {

        @Override
        public String handle(String message) {
            return message;
        }

        @Override
        public void close() {
            throw new IllegalStateException("disk full");
        }
    }

    @Test
    void aStopDrainsEveryKeyClosesEveryInstanceAndRefusesTheRest() throws Exception {
        Journal journal = new Journal();
        KeyedActorRef<String, String> carts = recorder("carts", settings().build(), journal);
        Gate gate = new Gate();
        journal.gates.put("hold", gate);
        carts.forKey("a").cast("hold");
        gate.awaitEntered();
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (String key : List.of("a", "b", "c")) {
            queued.add(carts.forKey(key).call("q"));
        }
        CompletableFuture<Void> stopped = carts.stop();
        assertThat(carts.state()).isEqualTo(ActorState.STOPPING);
        assertThatThrownBy(() -> carts.forKey("d").call("late").get(10, TimeUnit.SECONDS)).cause()
            .isInstanceOf(ActorClosedException.class);
        assertThatThrownBy(() -> carts.forKey("a").cast("late")).isInstanceOf(ActorClosedException.class);
        gate.open();
        stopped.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<String> reply : queued) {
            assertThat(reply).isCompleted();
            assertThat(reply.join()).endsWith(":q");
        }
        for (String key : List.of("a", "b", "c")) {
            assertThat(journal.of(key)).endsWith("q", "close 1");
        }
        assertThat(journal.of("d")).isEmpty();
        assertThat(carts.state()).isEqualTo(ActorState.STOPPED);
        assertThat(carts.activeCount()).isZero();
    }

    @Test
    void closingTheSystemStopsKeyedActors() throws Exception {
        Journal journal = new Journal();
        KeyedActorRef<String, String> carts = recorder("carts", settings().build(), journal);
        carts.forKey("a").call("x").get(10, TimeUnit.SECONDS);
        assertThat(this.system.findKeyed("carts")).containsSame(carts);
        assertThat(this.system.keyedActors()).containsExactly(carts);
        assertThatThrownBy(() -> this.system.spawn("carts", () -> (message) -> message))
            .isInstanceOf(IllegalArgumentException.class);
        this.system.close();
        assertThat(journal.of("a")).containsExactly("open 1", "x", "close 1");
        assertThat(carts.state()).isEqualTo(ActorState.STOPPED);
    }
}
