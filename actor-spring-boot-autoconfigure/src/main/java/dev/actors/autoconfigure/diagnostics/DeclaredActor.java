package dev.actors.autoconfigure.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;

import dev.actors.Actor;
import dev.actors.ActorHandle;
import dev.actors.AsyncActor;
import dev.actors.AsyncBatchActor;
import dev.actors.BatchActor;
import dev.actors.spring.ActorWorker;

/**
 * An {@link ActorWorker @ActorWorker} class as a failure analysis describes it: its actor's name and the handle
 * type that reaches it. Read from the bean definitions alone, so that it works on a context whose start failed.
 *
 * @param name the actor's name
 * @param actorClass the class
 * @param actorInterface the actor interface it implements, as in {@code Actor<Reserve, Reservation>}
 * @param handleType {@code ActorHandle<M, R>} with its message and reply types
 */
record DeclaredActor(String name, Class<?> actorClass, ResolvableType actorInterface, ResolvableType handleType) {

    /** The interfaces an actor class implements, the more specific first. */
    private static final List<Class<?>> ACTOR_INTERFACES = List.of(BatchActor.class, AsyncBatchActor.class,
            AsyncActor.class, Actor.class);

    /**
     * Returns the actors declared in a bean factory, in bean definition order.
     *
     * @param beanFactory the bean factory
     * @return the actors
     */
    static List<DeclaredActor> in(ConfigurableListableBeanFactory beanFactory) {
        List<DeclaredActor> actors = new ArrayList<>();
        for (String beanName : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
            // A @Bean method is never an actor, even when its configuration class is annotated.
            Class<?> type = (definition.getFactoryMethodName() != null) ? null : beanFactory.getType(beanName, false);
            MergedAnnotation<ActorWorker> annotation = (type != null)
                    ? MergedAnnotations.from(type).get(ActorWorker.class) : MergedAnnotation.missing();
            if (annotation.isPresent()) {
                String value = annotation.getString("value");
                of((value.isBlank() ? beanName : value), type).ifPresent(actors::add);
            }
        }
        return actors;
    }

    private static Optional<DeclaredActor> of(String name, Class<?> actorClass) {
        for (Class<?> actorInterface : ACTOR_INTERFACES) {
            ResolvableType type = ResolvableType.forClass(actorClass).as(actorInterface);
            if (type != ResolvableType.NONE) {
                ResolvableType handle = ResolvableType.forClassWithGenerics(ActorHandle.class, type.getGeneric(0),
                        type.getGeneric(1));
                return Optional.of(new DeclaredActor(name, actorClass, type, handle));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns how a constructor parameter that receives this actor's handle is written, as in
     * {@code ActorHandle<Reserve, Reservation> inventory}.
     *
     * @param qualified whether to put {@code @Qualifier("<name>")} in front
     * @return the parameter's declaration
     */
    String handleParameter(boolean qualified) {
        String parameter = typeName(this.handleType) + " " + variableName(this.name);
        return qualified ? "@Qualifier(\"" + this.name + "\") " + parameter : parameter;
    }

    /**
     * Describes the actor for a list: {@code inventory (InventoryActor): ActorHandle<Reserve, Reservation>}.
     *
     * @return the description
     */
    String describe() {
        return this.name + " (" + this.actorClass.getSimpleName() + "): " + typeName(this.handleType);
    }

    /**
     * Names a type the way its source code would, with simple names: {@code ActorHandle<Reserve, Reservation>}.
     *
     * @param type the type
     * @return its name
     */
    static String typeName(ResolvableType type) {
        Class<?> resolved = type.resolve();
        if (resolved == null) {
            return "?";
        }
        if (!type.hasGenerics()) {
            return resolved.getSimpleName();
        }
        return resolved.getSimpleName() + "<" + Arrays.stream(type.getGenerics())
            .map(DeclaredActor::typeName)
            .collect(Collectors.joining(", ")) + ">";
    }

    /** A Java variable name from an actor name: {@code import-jobs} becomes {@code importJobs}. */
    private static String variableName(String actorName) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : actorName.toCharArray()) {
            if (!Character.isJavaIdentifierPart(c)) {
                upper = name.length() > 0;
            }
            else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return (name.length() > 0 && Character.isJavaIdentifierStart(name.charAt(0))) ? name.toString() : "handle";
    }
}
