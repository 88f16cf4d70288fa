package dev.actors.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import dev.actors.Actor;
import dev.actors.ActorHandle;
import dev.actors.ActorKind;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorSystem;
import dev.actors.AsyncActor;
import dev.actors.AsyncBatchActor;
import dev.actors.BatchActor;
import dev.actors.KeyedActorHandle;
import dev.actors.spi.KeyedActorHost;
import dev.actors.spi.KeyedActorSpec;
import dev.actors.spring.ActorWorker;

/**
 * The application's {@link dev.actors.spring.ActorWorker @ActorWorker} actors: checks their settings when created,
 * so that a mistake fails the start with its property name, declares each actor when its handle bean is created,
 * and creates the actors' instances once every singleton exists.
 *
 * <p>A handle is only an address: creating it never creates the actor's instance, so actors can inject each other's
 * handles (or their own) in their constructors, in any cycle. The instances are created in
 * {@link #afterSingletonsInstantiated()}: after every handle bean exists, before any lifecycle starts (so before
 * the web server takes traffic), and on the starting thread, so that a throwing constructor fails the start.
 */
final class ActorWorkers implements SmartInitializingSingleton {

    /**
     * The name of this bean, whose {@link #handle(String, String)} makes the handle beans.
     */
    static final String BEAN_NAME = "actorWorkers";

    private final ActorSystem actorSystem;

    private final ConfigurableListableBeanFactory beanFactory;

    private final Map<String, ActorSettings> settings = new LinkedHashMap<>();

    private final Map<String, ActorWorkerDefinition> workers;

    ActorWorkers(ActorSystem actorSystem, ActorSettingsResolver settings,
            ConfigurableListableBeanFactory beanFactory) {
        this.actorSystem = actorSystem;
        this.beanFactory = beanFactory;
        List<ActorWorkerDefinition> workers = ActorWorkerRegistrar.workers(beanFactory);
        Map<String, ActorWorkerDefinition> byName = new LinkedHashMap<>();
        workers.forEach((worker) -> byName.put(worker.actorName(), worker));
        this.workers = byName;
        checkWorkerNames(settings.configuredWorkers(), byName.keySet());
        for (ActorWorkerDefinition worker : workers) {
            String prefix = "actors.workers." + worker.actorName();
            if (!worker.batch() && settings.hasBatchSettings(worker.actorName())) {
                throw new ActorWorkerConfigurationException(
                        prefix + ".batch is set, but actor '" + worker.actorName() + "' ("
                                + worker.actorClass().getName() + ") is not a BatchActor, so it has no batches.",
                        "Remove " + prefix + ".batch.*, or make " + worker.actorClass().getSimpleName()
                                + (worker.async() ? " implement dev.actors.AsyncBatchActor instead of "
                                        + "dev.actors.AsyncActor." : " implement dev.actors.BatchActor instead of "
                                        + "dev.actors.Actor."));
            }
            if (!worker.async() && settings.hasAsyncSettings(worker.actorName())) {
                throw new ActorWorkerConfigurationException(
                        prefix + ".async-timeout is set, but actor '" + worker.actorName() + "' ("
                                + worker.actorClass().getName() + ") is not an AsyncActor or AsyncBatchActor, so it "
                                + "has no stage to wait for.",
                        "Remove " + prefix + ".async-timeout, or make " + worker.actorClass().getSimpleName()
                                + " implement dev.actors.AsyncActor (or dev.actors.AsyncBatchActor) and return a "
                                + "CompletionStage.");
            }
            if (!worker.keyed() && settings.hasKeyedSettings(worker.actorName())) {
                throw new ActorWorkerConfigurationException(
                        prefix + ".passivate-after or " + prefix + ".max-active is set, but actor '"
                                + worker.actorName() + "' (" + worker.actorClass().getName()
                                + ") is not keyed, so it has no instances to passivate.",
                        "Remove " + prefix + ".passivate-after and " + prefix + ".max-active, or declare it "
                                + "@ActorWorker(value = \"" + worker.actorName() + "\", keyed = true).");
            }
            this.settings.put(worker.actorName(), settings.settings(worker.actorName()));
        }
    }

    private static void checkWorkerNames(Set<String> configured, Set<String> known) {
        Set<String> unknown = new TreeSet<>(configured);
        unknown.removeAll(known);
        if (unknown.isEmpty()) {
            return;
        }
        String names = String.join(", ", unknown);
        String description = (unknown.size() == 1)
                ? "actors.workers." + names + " configures an actor named '" + names + "', but there is no such actor."
                : "actors.workers configures actors that do not exist: " + names + ".";
        String knownNames = known.isEmpty() ? "There are no @ActorWorker actors in this application."
                : "The known actors are: " + String.join(", ", new TreeSet<>(known)) + ".";
        throw new ActorWorkerConfigurationException(description + " " + knownNames,
                "Correct the name under actors.workers to one of the known actors, or remove its settings; an "
                        + "actor's name is the value of its @ActorWorker annotation, or its bean name when the "
                        + "annotation has none.");
    }

    /**
     * Returns the settings an actor runs with.
     *
     * @param actorName the actor's name
     * @return its settings
     */
    ActorSettings settings(String actorName) {
        return this.settings.get(actorName);
    }

    /**
     * Declares an actor and returns its handle; its instances, at the start and on every restart, come from its
     * prototype bean. The factory method of the handle beans (see {@link ActorWorkerRegistrar}).
     *
     * @param actorName the actor's name
     * @param actorBeanName the name of its prototype bean
     * @return its handle, only an address
     */
    @SuppressWarnings("unchecked")
    ActorHandle<?, ?> handle(String actorName, String actorBeanName) {
        ActorWorkerDefinition worker = this.workers.get(actorName);
        ActorSettings settings = this.settings.get(actorName);
        ActorRef<?, ?> actor;
        if (worker.async()) {
            actor = worker.batch()
                    ? this.actorSystem.declareAsyncBatch(actorName, settings,
                            () -> instance(actorBeanName, AsyncBatchActor.class))
                    : this.actorSystem.declareAsync(actorName, settings,
                            () -> instance(actorBeanName, AsyncActor.class));
        }
        else {
            actor = worker.batch()
                    ? this.actorSystem.declareBatch(actorName, settings,
                            () -> instance(actorBeanName, BatchActor.class))
                    : this.actorSystem.declare(actorName, settings, () -> instance(actorBeanName, Actor.class));
        }
        return actor.handle();
    }

    /**
     * Makes the handle of a keyed actor: hosts it on the application's {@link KeyedActorHost}. Each key's instance
     * comes from the actor's prototype bean, with the key in its {@link dev.actors.ActorKey @ActorKey} constructor
     * parameter. The factory method of a keyed actor's handle bean.
     *
     * @param actorName the actor's name
     * @param actorBeanName the name of its prototype bean
     * @return its handle
     */
    @SuppressWarnings("unchecked")
    KeyedActorHandle<?, ?> keyedHandle(String actorName, String actorBeanName) {
        ActorWorkerDefinition worker = this.workers.get(actorName);
        KeyedActorSpec<Object, Object> spec = new KeyedActorSpec<>(actorName,
                worker.batch() ? ActorKind.BATCH : ActorKind.ACTOR, this.settings.get(actorName),
                (Class<Object>) worker.messageType(), (Class<Object>) worker.replyType(),
                KeyedInstances.of(this.beanFactory, worker), worker.async());
        return this.beanFactory.getBean(KeyedActorHost.class).host(spec);
    }

    /** A fresh instance of the actor's prototype bean, as the raw type its declaration takes. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private <T> T instance(String beanName, Class<?> contract) {
        return (T) this.beanFactory.getBean(beanName, (Class) contract);
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (ActorWorkerDefinition worker : this.workers.values()) {
            // A lazy handle bean is declared now: every actor runs from the start, whoever injects it.
            this.beanFactory.getBean(ActorWorkerRegistrar.handleBeanName(worker.actorName()));
        }
        this.actorSystem.startDeclared();
        for (ActorWorkerDefinition worker : this.workers.values()) {
            stopBeforeDependenciesAreDestroyed(worker.beanName());
        }
    }

    /**
     * Prototypes are not destroyed by Spring, so nothing keeps the singletons that an actor uses (a DataSource, a
     * client) alive while it drains its mailbox at shutdown. Registering the actor system as dependent on them
     * makes Spring close it, which waits for the actors, before it destroys any of them.
     */
    private void stopBeforeDependenciesAreDestroyed(String actorBeanName) {
        String[] systemBeanNames = this.beanFactory.getBeanNamesForType(ActorSystem.class, false, false);
        for (String dependency : this.beanFactory.getDependenciesForBean(actorBeanName)) {
            for (String systemBeanName : systemBeanNames) {
                if (!dependency.equals(systemBeanName)) {
                    this.beanFactory.registerDependentBean(dependency, systemBeanName);
                }
            }
        }
    }
}
