package dev.actors.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.InstanceSupplier;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;

import dev.actors.Actor;
import dev.actors.ActorHandle;
import dev.actors.spring.ActorWorker;
import dev.actors.BatchActor;

/**
 * Turns each {@link ActorWorker @ActorWorker} bean definition into an actor: the class's own definition becomes a
 * prototype that is no autowire candidate (Spring makes a fresh instance for the actor and for every restart, and
 * nobody can inject it and so bypass the mailbox), and a new singleton bean of type {@code ActorHandle<M, R>},
 * named {@code actorHandle#<actor name>} and qualified by the actor's name, declares the actor when it is created
 * ({@link ActorWorkers} creates the instances once every handle exists).
 * With actors disabled, the classes are only made inert.
 */
final class ActorWorkerRegistrar implements BeanDefinitionRegistryPostProcessor, BeanClassLoaderAware {

    private static final String HANDLE_BEAN_NAME_PREFIX = "actorHandle#";

    private final boolean enabled;

    private @Nullable ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

    private final Map<String, ActorWorkerDefinition> workers = new LinkedHashMap<>();

    /**
     * Creates the registrar.
     *
     * @param enabled whether actors are enabled; when not, {@code @ActorWorker} classes are only made inert
     */
    ActorWorkerRegistrar(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * Returns the name of the handle bean of an actor.
     *
     * @param actorName the actor's name
     * @return the bean name
     */
    static String handleBeanName(String actorName) {
        return HANDLE_BEAN_NAME_PREFIX + actorName;
    }

    /**
     * Returns the actors found, in bean definition order.
     *
     * @return the actors
     */
    List<ActorWorkerDefinition> workers() {
        return List.copyOf(this.workers.values());
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String beanName : registry.getBeanDefinitionNames()) {
            BeanDefinition definition = registry.getBeanDefinition(beanName);
            MergedAnnotation<ActorWorker> annotation = actorWorkerAnnotation(definition);
            if (annotation.isPresent() && !this.enabled) {
                makeInert(definition);
            }
            else if (annotation.isPresent()) {
                ActorWorkerDefinition worker = register(registry, beanName, definition, annotation);
                this.workers.put(worker.actorName(), worker);
            }
        }
    }

    private MergedAnnotation<ActorWorker> actorWorkerAnnotation(BeanDefinition definition) {
        // A @Bean method's definition carries its configuration class's metadata: only a class itself is an actor.
        if (definition.getFactoryMethodName() != null) {
            return MergedAnnotation.missing();
        }
        if (definition instanceof AnnotatedBeanDefinition annotated) {
            return annotated.getMetadata().getAnnotations().get(ActorWorker.class);
        }
        if (definition instanceof AbstractBeanDefinition abstractDefinition && abstractDefinition.hasBeanClass()) {
            return MergedAnnotations.from(abstractDefinition.getBeanClass()).get(ActorWorker.class);
        }
        return MergedAnnotation.missing();
    }

    private ActorWorkerDefinition register(BeanDefinitionRegistry registry, String beanName,
            BeanDefinition definition, MergedAnnotation<ActorWorker> annotation) {
        Class<?> actorClass = actorClass(definition);
        boolean plain = Actor.class.isAssignableFrom(actorClass);
        boolean batch = BatchActor.class.isAssignableFrom(actorClass);
        if (plain == batch) {
            throw notAnActor(actorClass, batch);
        }
        String value = annotation.getString("value");
        String actorName = value.isBlank() ? beanName : value;
        ActorWorkerDefinition existing = this.workers.get(actorName);
        if (existing != null) {
            throw new ActorWorkerConfigurationException(
                    "Two @ActorWorker classes are both named '" + actorName + "': "
                            + existing.actorClass().getName() + " and " + actorClass.getName() + ".",
                    "Give each actor its own name with @ActorWorker(\"<name>\"); actor names are unique.");
        }
        makeInert(definition);
        ResolvableType actorType = ResolvableType.forClass(actorClass).as(batch ? BatchActor.class : Actor.class);
        ResolvableType handleType = ResolvableType.forClassWithGenerics(ActorHandle.class, actorType.getGeneric(0),
                actorType.getGeneric(1));
        ActorWorkerDefinition worker = new ActorWorkerDefinition(actorName, beanName, actorClass, batch, handleType);
        registry.registerBeanDefinition(handleBeanName(actorName), handleDefinition(worker));
        return worker;
    }

    /**
     * Makes an actor's definition a prototype, so that every restart gets a fresh instance and nothing is created
     * before the actor is spawned, and no autowire candidate, so that nobody can inject it and bypass the mailbox.
     */
    private static void makeInert(BeanDefinition definition) {
        definition.setScope(BeanDefinition.SCOPE_PROTOTYPE);
        definition.setAutowireCandidate(false);
    }

    private Class<?> actorClass(BeanDefinition definition) {
        if (definition instanceof AbstractBeanDefinition abstractDefinition && abstractDefinition.hasBeanClass()) {
            return abstractDefinition.getBeanClass();
        }
        String className = definition.getBeanClassName();
        try {
            return ClassUtils.forName(className, this.classLoader);
        }
        catch (ClassNotFoundException | LinkageError ex) {
            throw new IllegalStateException("Cannot load @ActorWorker class " + className, ex);
        }
    }

    private static ActorWorkerConfigurationException notAnActor(Class<?> actorClass, boolean both) {
        if (both) {
            return new ActorWorkerConfigurationException(
                    actorClass.getName() + " is annotated with @ActorWorker and implements both "
                            + Actor.class.getName() + " and " + BatchActor.class.getName() + ".",
                    "Implement only one of them: Actor to handle one message at a time, BatchActor to handle "
                            + "messages in batches.");
        }
        return new ActorWorkerConfigurationException(
                actorClass.getName() + " is annotated with @ActorWorker but implements neither "
                        + Actor.class.getName() + " nor " + BatchActor.class.getName() + ".",
                "Make " + actorClass.getSimpleName() + " implement Actor<M, R> (one message at a time) or "
                        + "BatchActor<M, R> (messages in batches), or remove @ActorWorker from it.");
    }

    private static RootBeanDefinition handleDefinition(ActorWorkerDefinition worker) {
        RootBeanDefinition definition = new RootBeanDefinition(ActorHandle.class);
        definition.setTargetType(worker.handleType());
        definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, worker.actorName()));
        definition.setInstanceSupplier((InstanceSupplier<ActorHandle<?, ?>>) (registeredBean) -> registeredBean
            .getBeanFactory()
            .getBean(ActorWorkers.class)
            .handle(worker));
        return definition;
    }
}
