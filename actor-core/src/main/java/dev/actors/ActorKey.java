package dev.actors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the constructor parameter (a {@code String}) of a keyed actor that receives its entity key; the other
 * parameters are injected as usual.
 *
 * <pre>{@code
 * CartActor(@ActorKey String cartId, CartRepository carts) { ... }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ActorKey {
}
