package dev.actors.autoconfigure.diagnostics;

import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import dev.actors.Actor;
import dev.actors.ActorHandle;
import dev.actors.BatchActor;
import dev.actors.autoconfigure.ActorsAutoConfiguration;
import dev.actors.spring.ActorWorker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Tests for {@link ActorHandleNotFoundFailureAnalyzer} and {@link ActorHandleNotUniqueFailureAnalyzer}: each start
 * fails as an application's would, and the failure goes through every failure analyzer registered in
 * {@code META-INF/spring.factories}, in Spring Boot's order, as Spring Boot reports it; the first analysis wins.
 */
class ActorHandleFailureAnalyzersTests {

    @Test
    void injectingTheActorClassShowsTheHandleToInjectInstead() {
        FailureAnalysis analysis = analyzeFailedStart(List.of(), InventoryActor.class, InventoryController.class);
        assertThat(analysis.getDescription())
            .startsWith("Parameter 0 of constructor in " + InventoryController.class.getName())
            .contains("'" + InventoryActor.class.getName() + "', the class of actor 'inventory'")
            .contains("through its handle, ActorHandle<Reserve, Reservation>");
        assertThat(analysis.getAction()).contains("\tActorHandle<Reserve, Reservation> inventory\n")
            .contains("call(message) or cast(message)")
            .doesNotContain("@Qualifier");
    }

    @Test
    void aHandleOfTypesNoActorHasNamesTheTypesAndListsTheActors() {
        FailureAnalysis analysis = analyzeFailedStart(List.of(), InventoryActor.class, AuditActor.class,
                StringClient.class);
        assertThat(analysis.getDescription())
            .startsWith("Parameter 0 of constructor in " + StringClient.class.getName())
            .contains("required ActorHandle<String, String>, but no actor takes String messages and replies with "
                    + "String.")
            .contains("\t- inventory (InventoryActor): ActorHandle<Reserve, Reservation>")
            .contains("\t- audit (AuditActor): ActorHandle<String, Integer>");
        assertThat(analysis.getAction()).contains("class <Name>Actor implements Actor<String, String>");
    }

    @Test
    void aHandleWhoseQualifierNamesNoActorOfItsTypesListsTheActorsOfThoseTypes() {
        FailureAnalysis analysis = analyzeFailedStart(List.of(), InventoryActor.class, MisqualifiedClient.class);
        assertThat(analysis.getDescription())
            .contains("required ActorHandle<Reserve, Reservation> with a qualifier that names none of the actors of "
                    + "these types: inventory.");
        assertThat(analysis.getAction())
            .contains("\t@Qualifier(\"inventory\") ActorHandle<Reserve, Reservation> inventory");
    }

    @Test
    void aHandleWhileActorsAreSwitchedOffSaysSo() {
        FailureAnalysis analysis = analyzeFailedStart(List.of("actors.enabled=false"), InventoryActor.class,
                StringClient.class);
        assertThat(analysis.getDescription()).contains("actors are switched off (actors.enabled=false)");
        assertThat(analysis.getAction()).contains("ObjectProvider<ActorHandle<String, String>>");
    }

    @Test
    void twoActorsOfTheSameTypesWithoutAQualifierNameBothAndShowTheQualifier() {
        FailureAnalysis analysis = analyzeFailedStart(List.of(), InventoryActor.class, MirrorActor.class,
                UnqualifiedClient.class);
        assertThat(analysis.getDescription())
            .startsWith("Parameter 0 of constructor in " + UnqualifiedClient.class.getName())
            .contains("required a single ActorHandle<Reserve, Reservation>, but 2 actors have these types: inventory ("
                    + InventoryActor.class.getName() + "), inventory-mirror (" + MirrorActor.class.getName() + ").");
        assertThat(analysis.getAction()).contains("one of inventory, inventory-mirror")
            .contains("\t@Qualifier(\"inventory\") ActorHandle<Reserve, Reservation> inventory\n")
            .doesNotContain("-parameters");
        assertThat(analysis.getDescription()).doesNotContain("-parameters");
    }

    @Test
    void injectingAnActorClassThatSharesItsTypesShowsTheQualifiedHandle() {
        FailureAnalysis analysis = analyzeFailedStart(List.of(), InventoryActor.class, MirrorActor.class,
                InventoryController.class);
        assertThat(analysis.getAction())
            .contains("\t@Qualifier(\"inventory\") ActorHandle<Reserve, Reservation> inventory\n");
    }

    @Test
    void aMissingBeanThatIsNoActorIsLeftToSpringBoot() {
        FailureAnalysis analysis = analyzeFailedStart(List.of(), InventoryActor.class, NeedsARunnable.class);
        assertThat(analysis.getDescription())
            .contains("required a bean of type 'java.lang.Runnable' that could not be found");
        assertThat(analysis.getAction()).startsWith("Consider defining a bean of type 'java.lang.Runnable'");
    }

    /**
     * Starts a context that must fail, then analyses the failure with the registered analyzers as Spring Boot does:
     * loaded from {@code spring.factories} with the bean factory and environment, sorted, first answer wins.
     */
    private static FailureAnalysis analyzeFailedStart(List<String> properties, Class<?>... components) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        TestPropertyValues.of(properties).applyTo(context);
        context.register(ActorsAutoConfiguration.class);
        context.register(components);
        try {
            context.refresh();
            context.close();
            return fail("the start should have failed");
        }
        catch (RuntimeException failure) {
            List<FailureAnalyzer> analyzers = SpringFactoriesLoader
                .forDefaultResourceLocation(ActorHandleFailureAnalyzersTests.class.getClassLoader())
                .load(FailureAnalyzer.class, ArgumentResolver.of(BeanFactory.class, context.getBeanFactory())
                    .and(Environment.class, context.getEnvironment()),
                        // As Spring Boot does, skip analyzers whose libraries are absent (Bean Validation, say).
                        FailureHandler.handleMessage((message, ex) -> {
                        }));
            return analyzers.stream()
                .map((analyzer) -> analyzer.analyze(failure))
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow();
        }
    }

    record Reserve(String sku, int quantity) {
    }

    record Reservation(String sku, boolean ok) {
    }

    @ActorWorker("inventory")
    static class InventoryActor implements Actor<Reserve, Reservation> {

        @Override
        public Reservation handle(Reserve message) {
            return new Reservation(message.sku(), true);
        }
    }

    @ActorWorker("inventory-mirror")
    static class MirrorActor implements Actor<Reserve, Reservation> {

        @Override
        public Reservation handle(Reserve message) {
            return new Reservation(message.sku(), false);
        }
    }

    @ActorWorker("audit")
    static class AuditActor implements BatchActor<String, Integer> {

        @Override
        public List<Integer> handleBatch(List<String> messages) {
            return messages.stream().map(String::length).toList();
        }
    }

    static class InventoryController {

        InventoryController(InventoryActor actor) {
        }
    }

    static class StringClient {

        StringClient(ActorHandle<String, String> handle) {
        }
    }

    static class MisqualifiedClient {

        MisqualifiedClient(@Qualifier("inventroy") ActorHandle<Reserve, Reservation> inventory) {
        }
    }

    static class UnqualifiedClient {

        UnqualifiedClient(ActorHandle<Reserve, Reservation> inventory) {
        }
    }

    static class NeedsARunnable {

        NeedsARunnable(Runnable runnable) {
        }
    }
}
