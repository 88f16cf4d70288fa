package dev.actors.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Makes a class an actor of the application. The class implements {@link dev.actors.Actor Actor} or
 * {@link dev.actors.BatchActor BatchActor}; it is picked up like any other {@link Component @Component} and created
 * by Spring (constructor injection, {@code @Value} and the rest work), and the application talks to it through an
 * injected {@link dev.actors.ActorHandle ActorHandle&lt;M, R&gt;}:
 *
 * <pre>{@code
 * @ActorWorker("inventory")
 * class InventoryActor implements Actor<InventoryCommand, InventoryReply> {
 *     private final Map<String, Integer> stock = new HashMap<>();   // no locks: one message at a time
 *     ...
 * }
 *
 * @RestController
 * class InventoryController {
 *     InventoryController(ActorHandle<InventoryCommand, InventoryReply> inventory) { ... }
 * }
 * }</pre>
 *
 * <p>The actor object itself cannot be injected anywhere, so nothing bypasses its mailbox. Each instance is a new
 * one: when the failure policy restarts the actor, Spring creates a fresh instance. When two actors have the same
 * message and reply types, pick one with {@code @Qualifier("<actor name>")}. The actor's settings come from
 * {@code actors.defaults.*} and {@code actors.workers.<name>.*}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface ActorWorker {

    /**
     * The actor's name: unique in the application, the key of its settings under {@code actors.workers}, the
     * qualifier of its handle, and the name shown in metrics and the actuator. It is the bean name of the class as
     * well (the handle's bean is {@code actorHandle#<name>}). Defaults to the bean name Spring gives the class.
     *
     * @return the actor's name
     */
    @AliasFor(annotation = Component.class)
    String value() default "";

    /**
     * Whether this is a keyed actor: one instance per entity key (a cart, an order), made by Spring at the key's
     * first message with the key in its {@link dev.actors.ActorKey @ActorKey} constructor parameter, and passivated
     * when idle ({@code passivate-after}) or when more than {@code max-active} keys are live. The application then
     * injects a {@link dev.actors.KeyedActorHandle KeyedActorHandle&lt;M, R&gt;} instead of an {@code ActorHandle}.
     *
     * @return whether the actor is keyed
     */
    boolean keyed() default false;
}
