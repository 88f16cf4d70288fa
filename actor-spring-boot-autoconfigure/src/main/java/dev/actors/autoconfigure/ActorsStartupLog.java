package dev.actors.autoconfigure;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.actors.ActorRef;
import dev.actors.ActorSystem;

/**
 * Logs one INFO line once the application's singletons, and so its actors' handles, exist: which actors run, their
 * kinds and their mailbox capacities, as Spring Boot logs the port its web server listens on. An application with
 * no actors logs nothing.
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
        if (!actors.isEmpty() && logger.isInfoEnabled()) {
            logger.info(message(actors));
        }
    }

    /**
     * Returns the line, as in {@code 2 actors started: inventory (actor, mailbox 1000), event-writer (batch, mailbox
     * 10000)}.
     */
    static String message(List<ActorRef<?, ?>> actors) {
        return actors.stream()
            .map((actor) -> String.format("%s (%s, mailbox %d)", actor.name(),
                    actor.kind().name().toLowerCase(Locale.ROOT), actor.settings().mailboxCapacity()))
            .collect(Collectors.joining(", ",
                    actors.size() + ((actors.size() == 1) ? " actor" : " actors") + " started: ", ""));
    }
}
