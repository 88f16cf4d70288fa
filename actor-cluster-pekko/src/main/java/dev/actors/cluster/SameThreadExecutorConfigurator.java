package dev.actors.cluster;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;
import org.apache.pekko.dispatch.DispatcherPrerequisites;
import org.apache.pekko.dispatch.ExecutorServiceConfigurator;
import org.apache.pekko.dispatch.ExecutorServiceFactory;

/**
 * The executor of {@link PekkoConfig#RELAY_DISPATCHER}: it runs an actor's mailbox on the thread that schedules it,
 * so an entity handles a message on its shard's thread, as the shard hands it over, instead of waking a thread of
 * another pool. Only for actors that never wait, whose every message is a few microseconds of work: what they do
 * holds the sender's thread. Pekko instantiates it by reflection, from the dispatcher's {@code executor} setting.
 */
final class SameThreadExecutorConfigurator extends ExecutorServiceConfigurator {

    SameThreadExecutorConfigurator(Config config, DispatcherPrerequisites prerequisites) {
        super(config, prerequisites);
    }

    @Override
    public ExecutorServiceFactory createExecutorServiceFactory(String id, ThreadFactory threadFactory) {
        return SameThreadExecutor::new;
    }

    /**
     * Runs each task at once on the calling thread. A mailbox never runs twice at a time (Pekko schedules it once
     * until it goes idle), so a message sent to an actor running on this thread is queued, not run nested.
     */
    private static final class SameThreadExecutor extends AbstractExecutorService {

        private volatile boolean shutdown;

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void shutdown() {
            this.shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            this.shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return this.shutdown;
        }

        @Override
        public boolean isTerminated() {
            return this.shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
