package dev.actors.cluster.autoconfigure;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

import dev.actors.autoconfigure.ActorsLifecycle;
import dev.actors.cluster.ActorCluster;

/**
 * Joins the cluster when the application starts, before the web server takes traffic, and leaves it gracefully
 * when the application stops, after the web server has drained and before the local actors stop.
 *
 * <p>Lifecycles start from the lowest phase to the highest and stop in the reverse order. The web server starts
 * taking requests in phase {@code SmartLifecycle.DEFAULT_PHASE - 1024} and stops in phase
 * {@code DEFAULT_PHASE - 2048}; the local actors stop in phase {@link ActorsLifecycle#SMART_LIFECYCLE_PHASE}
 * ({@code DEFAULT_PHASE - 3072}). This lifecycle's phase, {@value #SMART_LIFECYCLE_PHASE}, lies between: at start
 * the instance is an {@code Up} member before the first request; at stop, its shards hand off to the other
 * instances (each of its keys passivated here first, so its state is saved), while the local actors still run.
 */
public final class ActorClusterLifecycle implements SmartLifecycle {

    /**
     * The phase of this lifecycle: between the web server's and the local actors'.
     */
    public static final int SMART_LIFECYCLE_PHASE = SmartLifecycle.DEFAULT_PHASE - 2560;

    private final ActorCluster cluster;

    private final Duration joinTimeout;

    private volatile boolean running;

    /**
     * Creates the lifecycle of a cluster member.
     *
     * @param cluster this instance's part in the cluster
     * @param joinTimeout how long the start waits to become an {@code Up} member before it fails
     */
    public ActorClusterLifecycle(ActorCluster cluster, Duration joinTimeout) {
        this.cluster = cluster;
        this.joinTimeout = joinTimeout;
    }

    @Override
    public void start() {
        this.cluster.start();
        try {
            if (!this.cluster.awaitUp(this.joinTimeout)) {
                this.cluster.close();
                throw new IllegalStateException("This instance did not join the cluster within " + this.joinTimeout
                        + " (actors.cluster.join-timeout): check that actors.cluster.seed-nodes name instances that"
                        + " are up and reachable, or that this instance is listed first to start the cluster");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while joining the cluster", ex);
        }
        this.running = true;
    }

    @Override
    public void stop() {
        this.cluster.close();
        this.running = false;
    }

    @Override
    public void stop(Runnable callback) {
        this.cluster.leave().whenComplete((done, failure) -> {
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
        // A member that left cannot join again with the same runtime: pausing the context must keep it in.
        return false;
    }
}
