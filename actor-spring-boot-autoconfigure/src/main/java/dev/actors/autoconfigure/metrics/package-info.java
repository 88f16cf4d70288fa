/**
 * Micrometer metrics of actors ({@code actor.*} meters), with their auto-configuration.
 */
@NullMarked
package dev.actors.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
