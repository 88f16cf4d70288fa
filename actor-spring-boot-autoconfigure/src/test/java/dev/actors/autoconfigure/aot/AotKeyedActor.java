package dev.actors.autoconfigure.aot;

import dev.actors.Actor;
import dev.actors.ActorKey;
import dev.actors.spring.ActorWorker;

/**
 * A keyed actor whose message and reply types are package-private: its handle bean is a {@code KeyedActorHandle}.
 */
@ActorWorker(value = "aot-keyed", keyed = true)
class AotKeyedActor implements Actor<AotKeyedActor.Add, AotKeyedActor.Total> {

    private final String key;

    private int total;

    AotKeyedActor(@ActorKey String key) {
        this.key = key;
    }

    @Override
    public Total handle(Add add) {
        this.total += add.amount();
        return new Total(this.key, this.total);
    }

    record Add(int amount) {
    }

    record Total(String key, int total) {
    }
}
