package dev.actors;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executors suited to actors. Handlers may block (JDBC, HTTP), so the platform pool is larger than the core count,
 * and on JDK 21+ virtual threads make blocking cheap.
 */
public final class ActorExecutors {

    private ActorExecutors() {
    }

    /**
     * The default size of the platform pool: {@code max(8, 4 × cores)}, room for blocking handlers on small machines.
     *
     * @return the thread count
     */
    public static int defaultThreadCount() {
        return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }

    /**
     * A bounded pool of daemon platform threads that die after a minute idle: an idle actor system holds no thread.
     * Its queue needs no bound: each actor is queued at most once.
     *
     * @param threads the most threads
     * @param namePrefix the prefix of the threads' names
     * @return the executor
     */
    public static ExecutorService platformThreads(int threads, String namePrefix) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive but was " + threads);
        }
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = (task) -> {
            Thread thread = new Thread(task, namePrefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * An executor that starts a virtual thread per task, on JDK 21 and later.
     *
     * @return the executor, or empty before JDK 21
     */
    public static Optional<ExecutorService> virtualThreads() {
        try {
            Method method = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return Optional.of((ExecutorService) method.invoke(null));
        }
        catch (ReflectiveOperationException ex) {
            return Optional.empty();
        }
    }

    /**
     * Tells whether a thread is a virtual thread (always {@code false} before JDK 21).
     *
     * @param thread the thread
     * @return whether it is virtual
     */
    public static boolean isVirtual(Thread thread) {
        try {
            return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        }
        catch (ReflectiveOperationException ex) {
            return false;
        }
    }
}
