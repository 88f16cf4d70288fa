package dev.actors.autoconfigure;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.actors.ActorKind;
import dev.actors.ActorRef;
import dev.actors.ActorSystem;
import dev.actors.KeyedActorRef;

/**
 * Logs one INFO line once the application's singletons, and so its actors' handles, exist: which actors run (keyed
 * actors too), their kinds and their mailbox capacities, as Spring Boot logs the port its web server listens on. An
 * application with no actors logs nothing.
 */
final class ActorsStartupLog implements SmartInitializingSingleton {

    private static final Log logger = LogFactory.getLog(ActorsStartupLog.class);

    private final ActorSystem actorSystem;

    ActorsStartupLog(ActorSystem actorSystem) {
        this.actorSystem = actorSystem;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<ActorRef<?, ?>> actors = this.actorSystem.actors();
        List<KeyedActorRef<?, ?>> keyed = this.actorSystem.keyedActors();
        if ((!actors.isEmpty() || !keyed.isEmpty()) && logger.isInfoEnabled()) {
            logger.info(message(actors, keyed));
        }
    }

    /**
     * Returns the line, as in {@code 3 actors started: inventory (actor, mailbox 1000), event-writer (batch, mailbox
     * 10000), carts (keyed actor, mailbox 100 per key)}.
     */
    static String message(List<ActorRef<?, ?>> actors, List<KeyedActorRef<?, ?>> keyed) {
        Stream<String> plain = actors.stream()
            .map((actor) -> String.format("%s (%s, mailbox %d)", actor.name(), kind(actor.kind()),
                    actor.settings().mailboxCapacity()));
        Stream<String> perKey = keyed.stream()
            .map((actor) -> String.format("%s (keyed %s, mailbox %d per key)", actor.name(), kind(actor.kind()),
                    actor.settings().mailboxCapacity()));
        int count = actors.size() + keyed.size();
        return Stream.concat(plain, perKey)
            .collect(Collectors.joining(", ", count + ((count == 1) ? " actor" : " actors") + " started: ", ""));
    }

    private static String kind(ActorKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
