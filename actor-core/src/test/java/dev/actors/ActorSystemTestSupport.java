package dev.actors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Gives each test a fresh actor system and closes it after.
 */
abstract class ActorSystemTestSupport {

    protected ActorSystem system;

    @BeforeEach
    void createSystem() {
        this.system = ActorSystem.create();
    }

    @AfterEach
    void closeSystem() {
        this.system.close();
    }

    static ActorSettings.Builder settings() {
        return ActorSettings.builder();
    }

    /** Work for one sender thread; {@code sender} numbers the threads from 0. */
    @FunctionalInterface
    interface SenderTask {

        void run(int sender) throws Exception;
    }

    /** Runs the task on {@code threads} threads at once and waits (at most a minute) for all of them. */
    static void inParallel(int threads, SenderTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int sender = t;
                done.add(pool.submit(() -> {
                    task.run(sender);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }
}
