package dev.actors.autoconfigure;

import org.springframework.core.ResolvableType;
import dev.actors.spring.ActorWorker;

/**
 * One {@code @ActorWorker} class found in the bean definitions.
 *
 * @param actorName the actor's name
 * @param beanName the name of the (prototype) bean that makes its instances
 * @param actorClass the class
 * @param batch whether it handles batches: a {@link dev.actors.BatchActor} or an {@link dev.actors.AsyncBatchActor}
 * @param async whether its handler returns a stage: an {@link dev.actors.AsyncActor} or an
 *     {@link dev.actors.AsyncBatchActor}
 * @param keyed whether it is a keyed actor (one instance per key)
 * @param handleType {@code ActorHandle<M, R>}, or {@code KeyedActorHandle<M, R>} for a keyed actor, with the actor's
 *     message and reply types
 */
record ActorWorkerDefinition(String actorName, String beanName, Class<?> actorClass, boolean batch, boolean async,
        boolean keyed, ResolvableType handleType) {

    /**
     * Returns the message type.
     *
     * @return the message class ({@code Object} when it cannot be resolved)
     */
    Class<?> messageType() {
        return this.handleType.getGeneric(0).toClass();
    }

    /**
     * Returns the reply type.
     *
     * @return the reply class ({@code Object} when it cannot be resolved)
     */
    Class<?> replyType() {
        return this.handleType.getGeneric(1).toClass();
    }
}
