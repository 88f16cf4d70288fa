/**
 * Carries the sender's context (observation, MDC) to the handler through Micrometer's context propagation.
 */
@NullMarked
package dev.actors.autoconfigure.tracing;

import org.jspecify.annotations.NullMarked;
