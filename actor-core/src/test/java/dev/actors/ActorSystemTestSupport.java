package dev.actors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Gives each test a fresh actor system and closes it after.
 */
abstract class ActorSystemTestSupport {

    protected ActorSystem system;

    @BeforeEach
    void createSystem() {
        this.system = ActorSystem.create();
    }

    @AfterEach
    void closeSystem() {
        this.system.close();
    }

    static ActorSettings.Builder settings() {
        return ActorSettings.builder();
    }
}
