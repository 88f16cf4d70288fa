package dev.actors.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The batcher a driver author writes by hand ("smart batching"): one thread takes a request, drains whatever else
 * queued meanwhile (up to the batch size), commits them together and answers each. A lone request never waits for
 * company, and batches grow exactly as fast as the load.
 */
final class HandRolledBatcher implements AutoCloseable {

    private final BlockingQueue<Request> queue = new ArrayBlockingQueue<>(Target.CAPACITY);

    private final Thread thread;

    private volatile boolean running = true;

    HandRolledBatcher(int maxSize, Consumer<List<Long>> commit) {
        this.thread = new Thread(() -> loop(maxSize, commit), "hand-rolled-batcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    Long write(Long message) throws Exception {
        Request request = new Request(message);
        this.queue.put(request);
        return request.join();
    }

    private void loop(int maxSize, Consumer<List<Long>> commit) {
        List<Request> batch = new ArrayList<>(maxSize);
        List<Long> messages = new ArrayList<>(maxSize);
        try {
            while (this.running) {
                batch.add(this.queue.take());
                this.queue.drainTo(batch, maxSize - 1);
                for (Request request : batch) {
                    messages.add(request.message);
                }
                commit.accept(messages);
                for (Request request : batch) {
                    request.complete(request.message);
                }
                batch.clear();
                messages.clear();
            }
        }
        catch (InterruptedException ex) {
            // close(): stop
        }
    }

    @Override
    public void close() {
        this.running = false;
        this.thread.interrupt();
    }

    /** One write and its answer. */
    private static final class Request extends CompletableFuture<Long> {

        final Long message;

        Request(Long message) {
            this.message = message;
        }
    }
}
