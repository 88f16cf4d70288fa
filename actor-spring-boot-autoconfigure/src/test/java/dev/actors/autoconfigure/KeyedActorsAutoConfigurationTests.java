package dev.actors.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.actors.Actor;
import dev.actors.ActorHandle;
import dev.actors.ActorKey;
import dev.actors.ActorKind;
import dev.actors.ActorSettings;
import dev.actors.ActorSystem;
import dev.actors.KeyedActorHandle;
import dev.actors.KeyedActorRef;
import dev.actors.spi.KeyedActorHost;
import dev.actors.spi.KeyedActorSpec;
import dev.actors.spring.ActorWorker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for keyed {@code @ActorWorker}s in {@link ActorsAutoConfiguration}: the {@link KeyedActorHandle} bean, the
 * key in the {@link ActorKey @ActorKey} constructor parameter, the keyed settings and the replaceable host.
 */
class KeyedActorsAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class));

    @Test
    void keyedActorIsInjectedAsAKeyedHandleAndEachKeyGetsItsOwnInstanceWithItsKey() {
        this.contextRunner.withUserConfiguration(CartActor.class)
            .withBean(Journal.class)
            .withBean(CartClient.class)
            .withPropertyValues("cart.currency=EUR")
            .run((context) -> {
                KeyedActorHandle<String, String> carts = context.getBean(CartClient.class).carts;
                assertThat(carts.name()).isEqualTo("cart");
                assertThat(carts.forKey("c1").call("apple").join()).isEqualTo("c1: [apple] EUR");
                assertThat(carts.forKey("c2").call("pear").join()).isEqualTo("c2: [pear] EUR");
                assertThat(carts.forKey("c1").call("plum").join()).isEqualTo("c1: [apple, plum] EUR");
                assertThat(context.getBean(Journal.class).events).containsExactly("open c1", "open c2");
                assertThat(context).hasBean("actorHandle#cart");
                assertThat(context.getBean(ActorSystem.class).findKeyed("cart")).isPresent();
            });
    }

    @Test
    void qualifierWithTheActorNamePicksAKeyedActor() {
        this.contextRunner.withUserConfiguration(CartActor.class)
            .withBean(Journal.class)
            .withBean(QualifiedCartClient.class)
            .run((context) -> assertThat(context.getBean(QualifiedCartClient.class).carts.forKey("k").call("x").join())
                .isEqualTo("k: [x] USD"));
    }

    @Test
    void aPassivatedKeyIsClosedAndItsNextMessageGetsAFreshInstanceFromSpring() {
        this.contextRunner.withUserConfiguration(CartActor.class).withBean(Journal.class).run((context) -> {
            KeyedActorRef<?, ?> ref = context.getBean(ActorSystem.class).findKeyed("cart").orElseThrow();
            @SuppressWarnings("unchecked")
            KeyedActorHandle<String, String> carts = (KeyedActorHandle<String, String>) ref;
            carts.forKey("c1").call("apple").join();
            ref.passivate("c1").join();
            assertThat(carts.forKey("c1").call("pear").join()).isEqualTo("c1: [pear] USD");
            assertThat(context.getBean(Journal.class).events).containsExactly("open c1", "close c1 [apple]",
                    "open c1");
        });
    }

    @Test
    void closingTheContextClosesEveryKeysInstance() {
        Journal journal = new Journal();
        this.contextRunner.withUserConfiguration(CartActor.class)
            .withBean(Journal.class, () -> journal)
            .run((context) -> {
                @SuppressWarnings("unchecked")
                KeyedActorHandle<String, String> carts = context.getBean(KeyedActorHandle.class);
                carts.forKey("a").call("x").join();
                carts.forKey("b").call("y").join();
            });
        assertThat(journal.events).contains("close a [x]", "close b [y]");
    }

    @Test
    void keyedSettingsComeFromTheWorkerThenTheDefaults() {
        this.contextRunner.withUserConfiguration(CartActor.class, PlainActor.class)
            .withBean(Journal.class)
            .withPropertyValues("actors.defaults.passivate-after=5m", "actors.defaults.max-active=50",
                    "actors.workers.cart.max-active=7", "actors.workers.cart.mailbox-capacity=3")
            .run((context) -> {
                ActorSettings settings = context.getBean(ActorSystem.class).findKeyed("cart").orElseThrow().settings();
                assertThat(settings.passivateAfter()).isEqualTo(Duration.ofMinutes(5));
                assertThat(settings.maxActive()).isEqualTo(7);
                assertThat(settings.mailboxCapacity()).isEqualTo(3);
                // Under actors.defaults they are allowed, and a plain actor ignores them.
                assertThat(context.getBean(ActorSystem.class).find("plain")).isPresent();
            });
    }

    @Test
    void startFailsWhenKeyedSettingsAreGivenForAnActorThatIsNotKeyed() {
        this.contextRunner.withUserConfiguration(PlainActor.class)
            .withPropertyValues("actors.workers.plain.passivate-after=1m")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(ActorWorkerConfigurationException.class)
                .hasMessageContaining("actors.workers.plain.passivate-after or actors.workers.plain.max-active is "
                        + "set, but actor 'plain'")
                .hasMessageContaining("is not keyed"));
    }

    @Test
    void startFailsWithThePropertyNameWhenMaxActiveIsOutOfRange() {
        this.contextRunner.withUserConfiguration(CartActor.class)
            .withBean(Journal.class)
            .withPropertyValues("actors.workers.cart.max-active=0")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessage("Property actors.workers.cart.max-active with value '0' is invalid: must be positive"));
    }

    @Test
    void startFailsWhenAnActorThatIsNotKeyedHasAnActorKeyParameter() {
        this.contextRunner.withUserConfiguration(MisdeclaredActor.class)
            .run((context) -> assertThat(context).getFailure()
                .isInstanceOf(ActorWorkerConfigurationException.class)
                .hasMessageContaining("has an @ActorKey constructor parameter, but its @ActorWorker is not keyed"));
    }

    @Test
    void aKeyedActorHostBeanReplacesTheLocalOneAndGetsTheSpec() {
        AtomicReference<KeyedActorSpec<?, ?>> hosted = new AtomicReference<>();
        this.contextRunner.withUserConfiguration(CartActor.class)
            .withBean(Journal.class)
            .withBean(KeyedActorHost.class, () -> new RecordingHost(hosted))
            .run((context) -> {
                assertThat(context).getBeans(KeyedActorHost.class).hasSize(1);
                context.getBean(KeyedActorHandle.class);
                KeyedActorSpec<?, ?> spec = hosted.get();
                assertThat(spec.name()).isEqualTo("cart");
                assertThat(spec.kind()).isEqualTo(ActorKind.ACTOR);
                assertThat(spec.messageType()).isEqualTo(String.class);
                assertThat(spec.replyType()).isEqualTo(String.class);
                // The instance factory makes the key's Spring-created instance, with its key.
                @SuppressWarnings("unchecked")
                Actor<String, String> instance = (Actor<String, String>) spec.instanceFactory().apply("k9");
                assertThat(instance.handle("x")).isEqualTo("k9: [x] USD");
                assertThat(context.getBean(ActorSystem.class).findKeyed("cart")).isEmpty();
            });
    }

    /** A host that only records what it was given, hosting the keys nowhere but in the test. */
    static final class RecordingHost implements KeyedActorHost {

        private final AtomicReference<KeyedActorSpec<?, ?>> hosted;

        RecordingHost(AtomicReference<KeyedActorSpec<?, ?>> hosted) {
            this.hosted = hosted;
        }

        @Override
        public <M, R> KeyedActorHandle<M, R> host(KeyedActorSpec<M, R> spec) {
            this.hosted.set(spec);
            return new KeyedActorHandle<>() {
                @Override
                public String name() {
                    return spec.name();
                }

                @Override
                public ActorHandle<M, R> forKey(String key) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    static final class Journal {

        final List<String> events = new CopyOnWriteArrayList<>();
    }

    @ActorWorker(value = "cart", keyed = true)
    static class CartActor implements Actor<String, String>, AutoCloseable {

        private final String cartId;

        private final Journal journal;

        private final List<String> items = new java.util.ArrayList<>();

        @Value("${cart.currency:USD}")
        private String currency;

        CartActor(Journal journal, @ActorKey String cartId) {
            this.cartId = cartId;
            this.journal = journal;
            journal.events.add("open " + cartId);
        }

        @Override
        public String handle(String item) {
            this.items.add(item);
            return this.cartId + ": " + this.items + " " + this.currency;
        }

        @Override
        public void close() {
            this.journal.events.add("close " + this.cartId + " " + this.items);
        }
    }

    @ActorWorker("plain")
    static class PlainActor implements Actor<Integer, Integer> {

        @Override
        public Integer handle(Integer message) {
            return message;
        }
    }

    @ActorWorker("misdeclared")
    static class MisdeclaredActor implements Actor<Integer, Integer> {

        MisdeclaredActor(@ActorKey String key) {
        }

        @Override
        public Integer handle(Integer message) {
            return message;
        }
    }

    static class CartClient {

        final KeyedActorHandle<String, String> carts;

        CartClient(KeyedActorHandle<String, String> carts) {
            this.carts = carts;
        }
    }

    static class QualifiedCartClient {

        final KeyedActorHandle<String, String> carts;

        QualifiedCartClient(@Qualifier("cart") KeyedActorHandle<String, String> carts) {
            this.carts = carts;
        }
    }
}
