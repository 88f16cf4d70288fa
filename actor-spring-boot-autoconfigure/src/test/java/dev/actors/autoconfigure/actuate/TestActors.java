package dev.actors.autoconfigure.actuate;

import java.util.List;

import dev.actors.autoconfigure.PlannedFailure;
import dev.actors.Actor;
import dev.actors.BatchActor;

/**
 * Actors for the tests: they echo, and fail on the message {@code "fail"}.
 */
final class TestActors {

    private TestActors() {
    }

    static Actor<String, String> echo() {
        return (message) -> {
            if (message.equals("fail")) {
                throw new PlannedFailure();
            }
            return message;
        };
    }

    static BatchActor<String, String> batchEcho() {
        return (messages) -> {
            if (messages.contains("fail")) {
                throw new PlannedFailure();
            }
            return List.copyOf(messages);
        };
    }
}
