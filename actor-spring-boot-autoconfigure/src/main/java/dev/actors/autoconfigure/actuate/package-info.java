/**
 * The {@code actors} Actuator endpoint and the actors health indicator, with their auto-configuration.
 */
@NullMarked
package dev.actors.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
