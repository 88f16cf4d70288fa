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
 * @param handleType {@code ActorHandle<M, R>} with the actor's message and reply types
 */
record ActorWorkerDefinition(String actorName, String beanName, Class<?> actorClass, boolean batch,
        boolean async, ResolvableType handleType) {
}
