/**
 * The actor API: {@link dev.actors.ActorSystem}, {@link dev.actors.Actor} and {@link dev.actors.BatchActor}, their
 * handles and references, settings and exceptions. Everything here is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.actors;

import org.jspecify.annotations.NullMarked;
