package dev.actors.autoconfigure;

import java.util.concurrent.ExecutionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

import dev.actors.ActorSystem;

/**
 * Stops the application's actors gracefully when the application context closes, after the web server has stopped
 * taking requests: queued messages are handled, each actor within its {@code shutdown-timeout}.
 *
 * <p>Lifecycles stop from the highest phase to the lowest. The web server finishes its in-flight requests (with
 * {@code server.shutdown=graceful}) in phase {@code SmartLifecycle.DEFAULT_PHASE - 1024} and stops in phase
 * {@code DEFAULT_PHASE - 2048} (see Spring Boot's {@code WebServerApplicationContext}). This lifecycle stops in
 * phase {@value #SMART_LIFECYCLE_PHASE}, after both, so that requests being drained can still talk to their
 * actors. Give the application's own message sources (listeners, schedulers) a higher phase than this one so that
 * they stop first.
 *
 * <p>The actors stop in parallel, and this lifecycle reports that it has stopped once all of them have. When that
 * takes longer than {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s by default), Spring logs it and goes
 * on; the actors keep draining, and the {@link ActorSystem}'s {@code close()}, which the context runs before it
 * destroys the beans the actors use, waits for them. Set the phase timeout above the longest
 * {@code shutdown-timeout} of the actors to keep the shutdown in order.
 */
public final class ActorsLifecycle implements SmartLifecycle {

    /**
     * The phase of this lifecycle: after the web server's ({@code SmartLifecycle.DEFAULT_PHASE - 2048}).
     */
    public static final int SMART_LIFECYCLE_PHASE = SmartLifecycle.DEFAULT_PHASE - 3072;

    private static final Log logger = LogFactory.getLog(ActorsLifecycle.class);

    private final ActorSystem actorSystem;

    private volatile boolean running;

    /**
     * Creates the lifecycle of the actors of a system.
     *
     * @param actorSystem the actor system
     */
    public ActorsLifecycle(ActorSystem actorSystem) {
        this.actorSystem = actorSystem;
    }

    @Override
    public void start() {
        // The actors started once every singleton existed, before any lifecycle: nothing to do.
        this.running = true;
    }

    @Override
    public void stop() {
        try {
            this.actorSystem.stopActors().get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException ex) {
            logger.warn("Actors did not stop within their shutdown timeouts", ex.getCause());
        }
        finally {
            this.running = false;
        }
    }

    @Override
    public void stop(Runnable callback) {
        this.actorSystem.stopActors().whenComplete((result, failure) -> {
            this.running = false;
            callback.run();
        });
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        return SMART_LIFECYCLE_PHASE;
    }

    @Override
    public boolean isPauseable() {
        // A stopped actor cannot start again: pausing the context (a checkpoint) must leave the actors running.
        return false;
    }
}
