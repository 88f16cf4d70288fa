package dev.actors;

/**
 * The handle of a keyed actor: one actor instance per entity key (a cart, an order, an account), created on the
 * key's first message and passivated when idle. Each key has its own mailbox and handles one message at a time;
 * different keys run in parallel.
 *
 * <pre>{@code
 * carts.forKey(cartId).call(new AddItem("apple", 2));
 * }</pre>
 *
 * @param <M> the message type
 * @param <R> the reply type
 */
public interface KeyedActorHandle<M, R> {

    /**
     * Returns the actor's name, unique within its {@link ActorSystem}.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the handle of one key. This is cheap: it creates no actor instance; the key's instance is created
     * when its first message arrives.
     *
     * @param key the entity key, not {@code null} or empty
     * @return the key's handle
     * @throws IllegalArgumentException when the key is {@code null} or empty
     */
    ActorHandle<M, R> forKey(String key);
}
