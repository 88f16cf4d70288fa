package dev.actors.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.actors.ActorRef;
import dev.actors.ActorState;
import dev.actors.ActorStats;
import dev.actors.ActorSystem;
import dev.actors.KeyedActorRef;

/**
 * Health of the actors of an {@link ActorSystem}: {@code DOWN} when any actor was stopped for good by its failure
 * policy ({@link ActorState#FAILED}), or any keyed actor's kind cannot serve (its factory threw at its last 3
 * activations in a row; one key's failure alone does not count), with a {@code failed} detail mapping each such
 * actor's name to its last error; {@code UP} otherwise. An actor stopping or stopped by a shutdown or by the application is not a failure: it was
 * asked to stop.
 */
public class ActorsHealthIndicator extends AbstractHealthIndicator {

    private final ActorSystem actorSystem;

    /**
     * Creates a health indicator over the given actor system.
     *
     * @param actorSystem the actor system to check
     */
    public ActorsHealthIndicator(ActorSystem actorSystem) {
        super("Actors health check failed");
        this.actorSystem = actorSystem;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> failed = new LinkedHashMap<>();
        for (ActorRef<?, ?> actor : this.actorSystem.actors()) {
            addIfFailed(failed, actor.name(), actor.state(), actor::stats);
        }
        for (KeyedActorRef<?, ?> actor : this.actorSystem.keyedActors()) {
            addIfFailed(failed, actor.name(), actor.state(), actor::stats);
        }
        if (failed.isEmpty()) {
            builder.up();
        }
        else {
            builder.down().withDetail("failed", failed);
        }
    }

    private static void addIfFailed(Map<String, String> failed, String name, ActorState state,
            Supplier<ActorStats> stats) {
        if (state == ActorState.FAILED) {
            String lastError = ActorsEndpoint.describe(stats.get().lastError());
            failed.put(name, (lastError != null) ? lastError : "unknown");
        }
    }
}
