package dev.actors.benchmarks;

import java.util.concurrent.locks.LockSupport;

import org.jctools.queues.MpscArrayQueue;

/**
 * The limit: a JCTools MPSC array queue between the producers and one consumer thread, with no actor machinery (no
 * envelope, no scheduling, no supervision, no statistics). The consumer polls; when the queue is empty it spins a
 * little, then yields, then naps for 50 µs, so producers never have to wake it. A call hands over a per-thread
 * {@link Exchange} and spins (then yields) on its reply.
 */
final class RawQueueTarget implements Target {

    private final Sink sink = Sink.forOneActor();

    private final MpscArrayQueue<Object> queue = new MpscArrayQueue<>(CAPACITY);

    private final ThreadLocal<Exchange> exchanges = ThreadLocal.withInitial(Exchange::new);

    private final Thread consumer;

    private volatile boolean running = true;

    RawQueueTarget(int count) {
        if (count != 1) {
            throw new IllegalArgumentException("The raw queue has one consumer: one receiver only");
        }
        this.consumer = new Thread(this::consume, "raw-queue-consumer");
        this.consumer.setDaemon(true);
        this.consumer.start();
    }

    private void consume() {
        int idle = 0;
        while (this.running) {
            Object message = this.queue.relaxedPoll();
            if (message != null) {
                idle = 0;
                if (message instanceof Exchange exchange) {
                    this.sink.accept(exchange.request);
                    exchange.reply = exchange.request;
                }
                else {
                    this.sink.accept(message);
                }
            }
            else if (++idle < 128) {
                Thread.onSpinWait();
            }
            else if (idle < 256) {
                Thread.yield();
            }
            else {
                LockSupport.parkNanos(50_000);
            }
        }
    }

    @Override
    public void cast(int actor, Long message) {
        offer(message);
    }

    private void offer(Object message) {
        while (!this.queue.offer(message)) {
            Thread.onSpinWait();
        }
    }

    @Override
    public Long call(Long message) {
        Exchange exchange = this.exchanges.get();
        exchange.request = message;
        exchange.reply = null;
        offer(exchange);
        Long reply;
        int spins = 0;
        while ((reply = exchange.reply) == null) {
            if (++spins < 256) {
                Thread.onSpinWait();
            }
            else {
                Thread.yield();
            }
        }
        return reply;
    }

    @Override
    public long handled() {
        return this.sink.count();
    }

    @Override
    public void close() {
        this.running = false;
        try {
            this.consumer.join(10_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** One caller's request and reply slot, reused for all its calls. */
    private static final class Exchange {

        Long request;

        volatile Long reply;
    }
}
