package dev.actors.autoconfigure.diagnostics;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.analyzer.AbstractInjectionFailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

import dev.actors.ActorHandle;

/**
 * Explains an {@link ActorHandle} injection that several actors match (two actors with the same message and reply
 * types, and no qualifier): names the actors and shows the {@code @Qualifier} that picks one. Ahead of Spring
 * Boot's own analysis, which shows the handles' bean names, "defined in unknown location", and a hint about
 * {@code -parameters} that does not apply.
 */
class ActorHandleNotUniqueFailureAnalyzer extends AbstractInjectionFailureAnalyzer<NoUniqueBeanDefinitionException>
        implements Ordered {

    private final BeanFactory beanFactory;

    ActorHandleNotUniqueFailureAnalyzer(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoUniqueBeanDefinitionException cause,
            String description) {
        ResolvableType requested = cause.getResolvableType();
        if (requested == null || requested.resolve() != ActorHandle.class
                || !(this.beanFactory instanceof ConfigurableListableBeanFactory listable)) {
            return null;
        }
        List<DeclaredActor> matching = DeclaredActor.in(listable)
            .stream()
            .filter((actor) -> requested.isAssignableFrom(actor.handleType()))
            .toList();
        if (matching.size() < 2) {
            // Not (only) actors' handles: Spring Boot's own analysis says more.
            return null;
        }
        String actors = matching.stream()
            .map((actor) -> actor.name() + " (" + actor.actorClass().getName() + ")")
            .collect(Collectors.joining(", "));
        String message = String.format("%s required a single %s, but %d actors have these types: %s.",
                (description != null) ? description : "A component", DeclaredActor.typeName(requested),
                matching.size(), actors);
        String action = String.format("Pick the actor by its name with @Qualifier "
                + "(org.springframework.beans.factory.annotation.Qualifier), one of %s:%n%n\t%s%n",
                ActorHandleNotFoundFailureAnalyzer.names(matching), matching.get(0).handleParameter(true));
        return new FailureAnalysis(message, action, cause);
    }
}
