/**
 * Service provider interface: what integrations (metrics, context propagation) plug into the runtime. Not needed
 * to write actors.
 */
@NullMarked
package dev.actors.spi;

import org.jspecify.annotations.NullMarked;
