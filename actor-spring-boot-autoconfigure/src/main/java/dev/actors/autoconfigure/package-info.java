/**
 * Spring Boot auto-configuration of actors: the actor system, one handle bean per {@code @ActorWorker}, settings
 * from {@code actors.*}, and the graceful stop.
 */
@NullMarked
package dev.actors.autoconfigure;

import org.jspecify.annotations.NullMarked;
