package dev.actors.autoconfigure.scan;

import org.springframework.beans.factory.annotation.Value;

import dev.actors.Actor;
import dev.actors.spring.ActorWorker;

/**
 * An actor found by component scanning; it has no name of its own, so it is named after its bean.
 */
@ActorWorker
public class GreetingActor implements Actor<String, String> {

    private final String greeting;

    private int count;

    GreetingActor(@Value("${greeting:Hello}") String greeting) {
        this.greeting = greeting;
    }

    @Override
    public String handle(String name) {
        return this.greeting + " " + name + " #" + (++this.count);
    }
}
