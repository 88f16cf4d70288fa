package dev.actors.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;

import dev.actors.Actor;
import dev.actors.ActorHandle;
import dev.actors.KeyedActorHandle;
import dev.actors.spring.ActorWorker;
import dev.actors.AsyncActor;
import dev.actors.AsyncBatchActor;
import dev.actors.BatchActor;

/**
 * Turns each {@link ActorWorker @ActorWorker} bean definition into an actor: the class's own definition becomes a
 * prototype that is no autowire candidate (Spring makes a fresh instance for the actor and for every restart, and
 * nobody can inject it and so bypass the mailbox), and a new singleton bean of type {@code ActorHandle<M, R>},
 * named {@code actorHandle#<actor name>} and qualified by the actor's name, declares the actor when it is created
 * ({@link ActorWorkers} creates the instances once every handle exists). A keyed actor ({@code keyed = true}) gets
 * a {@code KeyedActorHandle<M, R>} bean instead, made by {@link ActorWorkers#keyedHandle(String, String)} from the
 * {@link dev.actors.spi.KeyedActorHost} bean.
 * With actors disabled, the classes are only made inert.
 *
 * <p>Ready for ahead-of-time processing, as Framework's HTTP service registry is: all state lives in the bean
 * definitions (no instance supplier, no field read later), so the generated code registers the same beans. A handle
 * bean is made by the factory method {@link ActorWorkers#handle(String, String)} of the {@code actorWorkers} bean,
 * with the actor's name and its prototype's bean name as arguments; {@link #workers(ConfigurableListableBeanFactory)}
 * reads the actors back from those definitions.
 */
final class ActorWorkerRegistrar
        implements BeanDefinitionRegistryPostProcessor, BeanClassLoaderAware, BeanFactoryInitializationAotProcessor {

    private static final String HANDLE_BEAN_NAME_PREFIX = "actorHandle#";

    private static final String HANDLE_METHOD = "handle";

    private static final String KEYED_HANDLE_METHOD = "keyedHandle";

    /** What an {@code @ActorWorker} class implements: exactly one of these. */
    private static final List<Class<?>> ACTOR_CONTRACTS = List.of(Actor.class, BatchActor.class, AsyncActor.class,
            AsyncBatchActor.class);

    private final boolean enabled;

    private @Nullable ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

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
     * Tells whether a bean is an actor's handle.
     *
     * @param beanName the bean's name
     * @return whether it is a handle bean
     */
    static boolean isHandleBean(String beanName) {
        return beanName.startsWith(HANDLE_BEAN_NAME_PREFIX);
    }

    /**
     * Returns {@code ActorHandle<M, R>} (or {@code KeyedActorHandle<M, R>}) for the named message and reply types;
     * for code generated ahead of time, which cannot name a package-private type of another package (see
     * {@link ActorHandleBeanRegistrationAotProcessor}).
     *
     * @param handleClass {@code ActorHandle} or {@code KeyedActorHandle}
     * @param messageType the message type's class name
     * @param replyType the reply type's class name
     * @return the handle type
     */
    static ResolvableType handleType(Class<?> handleClass, String messageType, String replyType) {
        @Nullable ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
        return ResolvableType.forClassWithGenerics(handleClass, ClassUtils.resolveClassName(messageType,
                classLoader), ClassUtils.resolveClassName(replyType, classLoader));
    }

    /**
     * Returns the actors registered, in bean definition order, read from their handle beans' definitions.
     *
     * @param beanFactory the bean factory, after this registrar has run (or its generated code has)
     * @return the actors
     */
    static List<ActorWorkerDefinition> workers(ConfigurableListableBeanFactory beanFactory) {
        List<ActorWorkerDefinition> workers = new ArrayList<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition handle = beanFactory.getBeanDefinition(name);
            // Generated code keeps the factory bean and the arguments, but not the factory method name.
            if (isHandleBean(name) && ActorWorkers.BEAN_NAME.equals(handle.getFactoryBeanName())) {
                ConstructorArgumentValues arguments = handle.getConstructorArgumentValues();
                String actorName = (String) arguments.getIndexedArgumentValue(0, String.class).getValue();
                String actorBeanName = (String) arguments.getIndexedArgumentValue(1, String.class).getValue();
                Class<?> actorClass = beanFactory.getType(actorBeanName, false);
                boolean asyncBatch = AsyncBatchActor.class.isAssignableFrom(actorClass);
                workers.add(new ActorWorkerDefinition(actorName, actorBeanName, actorClass,
                        asyncBatch || BatchActor.class.isAssignableFrom(actorClass),
                        asyncBatch || AsyncActor.class.isAssignableFrom(actorClass),
                        MergedAnnotations.from(actorClass).get(ActorWorker.class).getValue("keyed", Boolean.class)
                            .orElse(false),
                        beanFactory.getMergedBeanDefinition(name).getResolvableType()));
            }
        }
        return workers;
    }

    /**
     * Contributes nothing: being an AOT processor keeps this registrar out of the generated code, which already
     * holds the definitions it registered. Run again on them, it would register every handle twice.
     */
    @Override
    public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
            ConfigurableListableBeanFactory beanFactory) {
        return null;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        Map<String, ActorWorkerDefinition> workers = new LinkedHashMap<>();
        for (String beanName : registry.getBeanDefinitionNames()) {
            BeanDefinition definition = registry.getBeanDefinition(beanName);
            MergedAnnotation<ActorWorker> annotation = actorWorkerAnnotation(definition);
            if (annotation.isPresent() && !this.enabled) {
                makeInert(definition);
            }
            else if (annotation.isPresent()) {
                ActorWorkerDefinition worker = register(registry, beanName, definition, annotation, workers);
                workers.put(worker.actorName(), worker);
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
            BeanDefinition definition, MergedAnnotation<ActorWorker> annotation,
            Map<String, ActorWorkerDefinition> registered) {
        Class<?> actorClass = actorClass(definition);
        List<Class<?>> contracts = ACTOR_CONTRACTS.stream().filter((c) -> c.isAssignableFrom(actorClass)).toList();
        if (contracts.size() != 1) {
            throw notAnActor(actorClass, contracts);
        }
        Class<?> contract = contracts.get(0);
        boolean batch = contract == BatchActor.class || contract == AsyncBatchActor.class;
        boolean async = contract == AsyncActor.class || contract == AsyncBatchActor.class;
        String value = annotation.getString("value");
        String actorName = value.isBlank() ? beanName : value;
        ActorWorkerDefinition existing = registered.get(actorName);
        if (existing != null) {
            throw new ActorWorkerConfigurationException(
                    "Two @ActorWorker classes are both named '" + actorName + "': "
                            + existing.actorClass().getName() + " and " + actorClass.getName() + ".",
                    "Give each actor its own name with @ActorWorker(\"<name>\"); actor names are unique.");
        }
        makeInert(definition);
        boolean keyed = annotation.getBoolean("keyed");
        KeyedInstances.check(actorClass, keyed);
        ResolvableType actorType = ResolvableType.forClass(actorClass).as(contract);
        ResolvableType handleType = ResolvableType.forClassWithGenerics(
                keyed ? KeyedActorHandle.class : ActorHandle.class, actorType.getGeneric(0), actorType.getGeneric(1));
        ActorWorkerDefinition worker = new ActorWorkerDefinition(actorName, beanName, actorClass, batch, async, keyed,
                handleType);
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

    private static ActorWorkerConfigurationException notAnActor(Class<?> actorClass, List<Class<?>> contracts) {
        if (!contracts.isEmpty()) {
            return new ActorWorkerConfigurationException(
                    actorClass.getName() + " is annotated with @ActorWorker and implements more than one actor "
                            + "interface: " + contracts.stream().map(Class::getName).collect(Collectors.joining(", "))
                            + ".",
                    "Implement only one of them: Actor to handle one message at a time, BatchActor to handle "
                            + "messages in batches, AsyncActor or AsyncBatchActor to return a CompletionStage.");
        }
        return new ActorWorkerConfigurationException(
                actorClass.getName() + " is annotated with @ActorWorker but implements none of "
                        + ACTOR_CONTRACTS.stream().map(Class::getName).collect(Collectors.joining(", ")) + ".",
                "Make " + actorClass.getSimpleName() + " implement Actor<M, R> (one message at a time), "
                        + "BatchActor<M, R> (messages in batches), AsyncActor<M, R> or AsyncBatchActor<M, R> (the "
                        + "same, returning a CompletionStage), or remove @ActorWorker from it.");
    }

    private static RootBeanDefinition handleDefinition(ActorWorkerDefinition worker) {
        // A factory method with plain arguments, not a lambda: the AOT engine can write it down as code.
        RootBeanDefinition definition = new RootBeanDefinition();
        definition.setFactoryBeanName(ActorWorkers.BEAN_NAME);
        definition.setFactoryMethodName(worker.keyed() ? KEYED_HANDLE_METHOD : HANDLE_METHOD);
        definition.getConstructorArgumentValues().addIndexedArgumentValue(0, worker.actorName());
        definition.getConstructorArgumentValues().addIndexedArgumentValue(1, worker.beanName());
        definition.setTargetType(worker.handleType());
        definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, worker.actorName()));
        return definition;
    }
}
