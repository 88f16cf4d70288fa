package dev.actors.autoconfigure.aot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;

import dev.actors.autoconfigure.ActorsAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handle beans survive ahead-of-time processing: they are registered without instance suppliers, and the code
 * generated for an actor with package-private message types names those types instead of referring to them.
 */
class ActorHandleAotTests {

    @Test
    void handleBeanIsMadeByAFactoryMethodNotALambda() {
        try (AnnotationConfigApplicationContext context = context()) {
            context.refresh();
            AbstractBeanDefinition handle = (AbstractBeanDefinition) context.getBeanFactory()
                .getBeanDefinition("actorHandle#aot");
            assertThat(handle.getFactoryBeanName()).isEqualTo("actorWorkers");
            assertThat(handle.getFactoryMethodName()).isEqualTo("handle");
            assertThat(handle.getInstanceSupplier()).isNull();
        }
    }

    @Test
    void generatedCodeNamesPackagePrivateMessageTypesAndLeavesTheRegistrarOut() throws IOException {
        InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
        DefaultGenerationContext generation = new DefaultGenerationContext(
                new ClassNameGenerator(ClassName.get(ActorHandleAotTests.class)), files);
        try (AnnotationConfigApplicationContext context = context()) {
            new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
        }
        generation.writeGeneratedContent();
        String sources = sources(files.getGeneratedFiles(Kind.SOURCE));
        assertThat(sources).contains("ActorWorkerRegistrar.handleType(ActorHandle.class, \""
                + AotActor.Ping.class.getName() + "\", \"" + AotActor.Pong.class.getName() + "\")");
        // A keyed actor's handle bean is a KeyedActorHandle, not an ActorHandle: the generated type says so.
        assertThat(sources).contains("ActorWorkerRegistrar.handleType(KeyedActorHandle.class, \""
                + AotKeyedActor.Add.class.getName() + "\", \"" + AotKeyedActor.Total.class.getName() + "\")");
        assertThat(sources).doesNotContain("AotKeyedActor.Add.class");
        assertThat(sources).doesNotContain("AotActor.Ping.class");
        // Registered by the generated code, the handles must not be registered again at run time.
        assertThat(sources).contains("getActorHandleaotBeanDefinition").doesNotContain("\"actorWorkerRegistrar\"");
        assertThat(RuntimeHintsPredicates.reflection().onType(AotActor.Ping.class)).accepts(generation.getRuntimeHints());
    }

    private static AnnotationConfigApplicationContext context() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.register(ActorsAutoConfiguration.class, AotActor.class, AotKeyedActor.class);
        return context;
    }

    private static String sources(Map<String, InputStreamSource> files) {
        return files.values().stream().map((source) -> {
            try (InputStream in = source.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }).collect(Collectors.joining("\n"));
    }
}
