package dev.actors.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The worker a Spring user writes today: one single-thread {@link ThreadPoolExecutor} with a bounded queue; a cast
 * is {@code execute}, a call is {@code CompletableFuture.supplyAsync(..., worker).join()}.
 */
final class HandRolledTarget implements Target {

    private final Sink sink = Sink.forOneActor();

    private final ThreadPoolExecutor worker;

    HandRolledTarget(int count) {
        if (count != 1) {
            throw new IllegalArgumentException("The hand-rolled worker is one thread: one receiver only");
        }
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(CAPACITY),
                (task) -> {
                    Thread thread = new Thread(task, "hand-rolled-worker");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public void cast(int actor, Long message) {
        this.worker.execute(() -> this.sink.accept(message));
    }

    @Override
    public Long call(Long message) {
        return CompletableFuture.supplyAsync(() -> {
            this.sink.accept(message);
            return message;
        }, this.worker).join();
    }

    @Override
    public long handled() {
        return this.sink.count();
    }

    @Override
    public void close() {
        this.worker.shutdown();
        try {
            this.worker.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
