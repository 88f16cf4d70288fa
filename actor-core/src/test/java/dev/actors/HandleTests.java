package dev.actors;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an actor system hands out is an address, not the runtime's cell: nothing that can run the actor's loop,
 * and a handle cannot stop the actor either.
 */
class HandleTests extends ActorSystemTestSupport {

    @Test
    void theOwnersReferenceIsNotRunnable() {
        ActorRef<String, String> ref = this.system.spawn("echo", () -> (message) -> message);
        assertThat(ref).isNotInstanceOf(Runnable.class);
    }

    @Test
    void aHandleIsNeitherRunnableNorAReferenceAndStillSends() throws Exception {
        ActorRef<String, String> ref = this.system.spawn("echo", () -> (message) -> message);
        ActorHandle<String, String> handle = ref.handle();
        assertThat(handle).isNotInstanceOf(Runnable.class).isNotInstanceOf(ActorRef.class);
        assertThat(ref.handle()).isSameAs(handle);
        assertThat(handle.name()).isEqualTo("echo");
        assertThat(handle.call("hello").get(10, TimeUnit.SECONDS)).isEqualTo("hello");
        handle.cast("cast");
        assertThat(ref.stop().get(10, TimeUnit.SECONDS)).isNull();
        assertThat(ref.stats().handled()).isEqualTo(2);
    }

    @Test
    void theSystemListsReferencesNotCells() {
        this.system.spawn("echo", () -> (message) -> message);
        assertThat(this.system.find("echo").orElseThrow()).isNotInstanceOf(Runnable.class);
        assertThat(this.system.actors()).allSatisfy((actor) -> assertThat(actor).isNotInstanceOf(Runnable.class));
    }
}
