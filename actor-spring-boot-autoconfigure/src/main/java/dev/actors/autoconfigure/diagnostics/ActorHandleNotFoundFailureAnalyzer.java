package dev.actors.autoconfigure.diagnostics;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.analyzer.AbstractInjectionFailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.Environment;

import dev.actors.ActorHandle;
import dev.actors.spring.ActorWorker;

/**
 * Explains a missing bean that only the starter can explain: an actor class injected as if it were a bean (an actor
 * is reached through its handle), or an {@link ActorHandle} whose message and reply types no actor has. Ahead of
 * Spring Boot's own analysis, which drops the handle's generic types and calls the actor a "User-defined bean".
 */
class ActorHandleNotFoundFailureAnalyzer extends AbstractInjectionFailureAnalyzer<NoSuchBeanDefinitionException>
        implements Ordered {

    private final BeanFactory beanFactory;

    private final Environment environment;

    ActorHandleNotFoundFailureAnalyzer(BeanFactory beanFactory, Environment environment) {
        this.beanFactory = beanFactory;
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause, String description) {
        ResolvableType requested = cause.getResolvableType();
        Class<?> requestedClass = (requested != null) ? requested.resolve() : null;
        if (cause instanceof NoUniqueBeanDefinitionException || requestedClass == null
                || !(this.beanFactory instanceof ConfigurableListableBeanFactory listable)) {
            return null;
        }
        String component = (description != null) ? description : "A component";
        List<DeclaredActor> actors = DeclaredActor.in(listable);
        if (requestedClass == ActorHandle.class) {
            return missingHandle(component, requested, actors, cause);
        }
        if (MergedAnnotations.from(requestedClass).isPresent(ActorWorker.class)) {
            return actors.stream()
                .filter((actor) -> actor.actorClass() == requestedClass)
                .findFirst()
                .map((actor) -> injectedActor(component, actor, actors, cause))
                .orElse(null);
        }
        return null;
    }

    private FailureAnalysis injectedActor(String component, DeclaredActor actor, List<DeclaredActor> actors,
            Throwable cause) {
        boolean shared = actors.stream()
            .anyMatch((other) -> other != actor && other.handleType().isAssignableFrom(actor.handleType()));
        String description = String.format("%s required a bean of type '%s', the class of actor '%s'. An actor "
                + "is never injected itself, so that nothing can bypass its mailbox: it is reached through its "
                + "handle, %s.", component, actor.actorClass().getName(), actor.name(),
                DeclaredActor.typeName(actor.handleType()));
        String action = String.format("Inject the actor's handle instead, and send it messages with call(message) "
                + "or cast(message):%n%n\t%s%n", actor.handleParameter(shared));
        return new FailureAnalysis(description, action, cause);
    }

    private FailureAnalysis missingHandle(String component, ResolvableType requested, List<DeclaredActor> actors,
            Throwable cause) {
        String requestedName = DeclaredActor.typeName(requested);
        if (!this.environment.getProperty("actors.enabled", Boolean.class, true)) {
            return new FailureAnalysis(String.format("%s required %s, but actors are switched off "
                    + "(actors.enabled=false), so no actor handles exist.", component, requestedName),
                    String.format("Remove actors.enabled=false, or inject ObjectProvider<%s> where the code must "
                            + "also run without actors.", requestedName), cause);
        }
        List<DeclaredActor> ofTheseTypes = actors.stream()
            .filter((actor) -> requested.isAssignableFrom(actor.handleType()))
            .toList();
        if (!ofTheseTypes.isEmpty()) {
            // The types exist: the injection point's qualifier names no actor of them.
            return new FailureAnalysis(String.format("%s required %s with a qualifier that names none of the "
                    + "actors of these types: %s.", component, requestedName, names(ofTheseTypes)),
                    String.format("Qualify the handle with the name of one of them:%n%n\t%s%n",
                            ofTheseTypes.get(0).handleParameter(true)), cause);
        }
        String list = actors.isEmpty() ? "There are no @ActorWorker actors in this application."
                : actors.stream()
                    .map((actor) -> "\t- " + actor.describe())
                    .collect(Collectors.joining(String.format("%n"),
                            String.format("The actors, with the handle that reaches each:%n"), ""));
        String description = String.format("%s required %s, but no actor takes %s messages and replies with %s.%n%n%s",
                component, requestedName, DeclaredActor.typeName(requested.getGeneric(0)),
                DeclaredActor.typeName(requested.getGeneric(1)), list);
        String action = String.format("Inject the handle of one of the actors with its exact message and reply "
                + "types, or write an actor of the types required:%n%n\t@ActorWorker(\"<name>\")%n"
                + "\tclass <Name>Actor implements Actor<%s, %s> { ... }%n",
                DeclaredActor.typeName(requested.getGeneric(0)), DeclaredActor.typeName(requested.getGeneric(1)));
        return new FailureAnalysis(description, action, cause);
    }

    static String names(List<DeclaredActor> actors) {
        return actors.stream().map(DeclaredActor::name).collect(Collectors.joining(", "));
    }
}
