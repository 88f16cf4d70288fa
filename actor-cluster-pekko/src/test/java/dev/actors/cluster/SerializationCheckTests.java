package dev.actors.cluster;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.actors.Actor;
import dev.actors.ActorKind;
import dev.actors.ActorSettings;
import dev.actors.ActorSystem;
import dev.actors.spi.KeyedActorSpec;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The start fails, naming the actor, the type and the fix, when a keyed actor's message or reply type cannot cross
 * the wire.
 */
class SerializationCheckTests {

    @Test
    void aMessageTypeJacksonCannotConstructFailsTheStartNamingTheTypeAndTheFix() {
        assertThatIllegalStateException().isThrownBy(() -> start(NoCreator.class, String.class))
            .withMessageContaining("Keyed actor 'opaque'")
            .withMessageContaining("message type " + NoCreator.class.getName())
            .withMessageContaining("Fix: make it a record");
    }

    @Test
    void anImplementationOfASealedMessageTypeThatJacksonCannotConstructFailsTheStart() {
        assertThatIllegalStateException().isThrownBy(() -> start(Command.class, String.class))
            .withMessageContaining("message type " + Command.class.getName())
            .withMessageContaining("its implementation " + NoCreatorCommand.class.getName());
    }

    @Test
    void aGenericReplyTypeFailsTheStartBecauseItsTypeArgumentsAreLost() {
        assertThatIllegalStateException().isThrownBy(() -> start(Ok.class, List.class))
            .withMessageContaining("reply type java.util.List")
            .withMessageContaining("Fix: wrap it in a record");
    }

    @Test
    void objectAsMessageTypeFailsTheStart() {
        assertThatIllegalStateException().isThrownBy(() -> start(Object.class, String.class))
            .withMessageContaining("message type java.lang.Object")
            .withMessageContaining("too general");
    }

    @Test
    void recordsAndSealedInterfacesOfRecordsPass() {
        assertThatNoException().isThrownBy(() -> start(Ok.class, Ok.class));
    }

    private static <M, R> void start(Class<M> messageType, Class<R> replyType) {
        try (ActorSystem actors = ActorSystem.create()) {
            ClusterSettings settings = new ClusterSettings("check", "127.0.0.1", 0, List.of(), 10,
                    Downing.KEEP_MAJORITY, ClusterSettings.DEFAULT_STABLE_AFTER, Map.of());
            ActorCluster cluster = new ActorCluster(settings, LocalKeyedActors.in(actors));
            try {
                cluster.host(new KeyedActorSpec<>("opaque", ActorKind.ACTOR, ActorSettings.defaults(), messageType,
                        replyType, (key) -> (Actor<M, R>) (message) -> null));
                cluster.start();
            }
            finally {
                cluster.close();
            }
        }
    }

    record Ok(String text) {
    }

    sealed interface Command permits Fine, NoCreatorCommand {
    }

    record Fine(int n) implements Command {
    }

    static final class NoCreatorCommand implements Command {

        private final int a;

        NoCreatorCommand(int a, int b) {
            this.a = a + b;
        }

        NoCreatorCommand(int a, int b, int c) {
            this.a = a + b + c;
        }
    }

    static final class NoCreator {

        private final int a;

        NoCreator(int a, int b) {
            this.a = a + b;
        }

        NoCreator(int a, int b, int c) {
            this.a = a + b + c;
        }
    }
}
