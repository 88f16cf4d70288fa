package dev.actors;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a handler until the test opens it, and tells the test when a handler is waiting at it.
 */
final class Gate {

    private final CountDownLatch entered = new CountDownLatch(1);

    private final CountDownLatch open = new CountDownLatch(1);

    /** Called by a handler: waits (at most a minute, so a broken test cannot hang the build). */
    void pass() throws InterruptedException {
        this.entered.countDown();
        if (!this.open.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate never opened");
        }
    }

    void awaitEntered() throws InterruptedException {
        if (!this.entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no handler reached the gate");
        }
    }

    void open() {
        this.open.countDown();
    }
}
