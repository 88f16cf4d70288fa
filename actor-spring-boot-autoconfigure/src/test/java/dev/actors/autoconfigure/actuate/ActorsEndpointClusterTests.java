package dev.actors.autoconfigure.actuate;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.actors.Actor;
import dev.actors.ActorSettings;
import dev.actors.ActorSystem;
import dev.actors.KeyedActorRef;
import dev.actors.autoconfigure.actuate.ActorsClusterView.Member;
import dev.actors.autoconfigure.actuate.ActorsEndpoint.ActorsDescriptor;
import dev.actors.autoconfigure.actuate.ActorsEndpoint.ClusterKeyDescriptor;
import dev.actors.autoconfigure.actuate.ActorsEndpoint.KeyDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the cluster part of {@link ActorsEndpoint}: with an {@link ActorsClusterView} bean, the endpoint shows the
 * members, this instance's address and which instance holds a key.
 */
class ActorsEndpointClusterTests {

    private static final Member SELF = new Member("127.0.0.1:25531", "up", true);

    private static final Member OTHER = new Member("127.0.0.1:25532", "up", false);

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActorsEndpointAutoConfiguration.class))
        .withUserConfiguration(ActorSystemConfiguration.class)
        .withPropertyValues("management.endpoints.web.exposure.include=actors");

    @Test
    void withoutAClusterTheEndpointShowsNone() {
        this.contextRunner.run((context) -> {
            ActorsEndpoint endpoint = context.getBean(ActorsEndpoint.class);
            spawnCarts(context.getBean(ActorSystem.class)).forKey("a").call("x").join();
            assertThat(endpoint.actors().cluster()).isNull();
            assertThat(endpoint.key("carts", "keys", "a")).isInstanceOf(KeyDescriptor.class);
            assertThat(endpoint.key("carts", "keys", "b")).isNull();
        });
    }

    @Test
    void inAClusterTheEndpointShowsTheMembersAndThisInstancesAddress() {
        this.contextRunner.withBean(ActorsClusterView.class, FixedView::new).run((context) -> {
            ActorsDescriptor actors = context.getBean(ActorsEndpoint.class).actors();
            assertThat(actors.cluster()).isNotNull();
            assertThat(actors.cluster().address()).isEqualTo(SELF.address());
            assertThat(actors.cluster().members()).containsExactly(SELF, OTHER);
        });
    }

    @Test
    void inAClusterAKeyShowsTheInstanceThatHoldsItAndItsInstanceWhenHere() {
        this.contextRunner.withBean(ActorsClusterView.class, FixedView::new).run((context) -> {
            ActorsEndpoint endpoint = context.getBean(ActorsEndpoint.class);
            spawnCarts(context.getBean(ActorSystem.class)).forKey("here").call("x").join();
            assertThat(endpoint.key("carts", "keys", "here")).isInstanceOfSatisfying(ClusterKeyDescriptor.class,
                    (key) -> {
                        assertThat(key.address()).isEqualTo(SELF.address());
                        assertThat(key.local()).isTrue();
                        assertThat(key.shard()).isEqualTo("7");
                        assertThat(key.instance()).isNotNull();
                    });
            assertThat(endpoint.key("carts", "keys", "elsewhere")).isInstanceOfSatisfying(ClusterKeyDescriptor.class,
                    (key) -> {
                        assertThat(key.address()).isEqualTo(OTHER.address());
                        assertThat(key.local()).isFalse();
                        assertThat(key.instance()).isNull();
                    });
            assertThat(endpoint.key("carts", "keys", "nowhere")).isInstanceOfSatisfying(ClusterKeyDescriptor.class,
                    (key) -> assertThat(key.address()).isNull());
            assertThat(endpoint.key("unknown", "keys", "here")).isNull();
        });
    }

    private static KeyedActorRef<String, String> spawnCarts(ActorSystem system) {
        return system.spawnKeyed("carts", ActorSettings.defaults(), (key) -> (Actor<String, String>) (m) -> m);
    }

    /** A cluster of two, where "here" is held by this instance and "elsewhere" by the other. */
    static final class FixedView implements ActorsClusterView {

        @Override
        public String selfAddress() {
            return SELF.address();
        }

        @Override
        public List<Member> members() {
            return List.of(SELF, OTHER);
        }

        @Override
        public Optional<KeyHolder> locate(String actorName, String key) {
            return switch (key) {
                case "here" -> Optional.of(new KeyHolder("7", SELF.address(), true));
                case "elsewhere" -> Optional.of(new KeyHolder("8", OTHER.address(), false));
                default -> Optional.empty();
            };
        }
    }
}
