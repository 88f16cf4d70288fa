/**
 * The Spring-side API: {@link dev.actors.spring.ActorWorker @ActorWorker} turns a class into an actor with an
 * injectable handle.
 */
@NullMarked
package dev.actors.spring;

import org.jspecify.annotations.NullMarked;
