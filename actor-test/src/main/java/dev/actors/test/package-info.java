/**
 * The test kit: {@link dev.actors.test.ActorTestKit} drives real actors on the test's thread with a
 * {@link dev.actors.test.ManualClock}; {@link dev.actors.test.IdleActors} waits until a running system's actors are
 * idle. For test scope only.
 */
@NullMarked
package dev.actors.test;

import org.jspecify.annotations.NullMarked;
