package dev.actors.autoconfigure.aot;

import dev.actors.Actor;
import dev.actors.spring.ActorWorker;

/**
 * An actor whose message and reply types are package-private, as in the README's quick start.
 */
@ActorWorker("aot")
class AotActor implements Actor<AotActor.Ping, AotActor.Pong> {

    @Override
    public Pong handle(Ping ping) {
        return new Pong(ping.text());
    }

    record Ping(String text) {
    }

    record Pong(String text) {
    }
}
