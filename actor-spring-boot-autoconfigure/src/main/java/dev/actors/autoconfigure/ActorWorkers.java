package dev.actors.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import dev.actors.Actor;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorSystem;
import dev.actors.BatchActor;
import dev.actors.spring.ActorWorker;

/**
 * The application's {@link dev.actors.spring.ActorWorker @ActorWorker} actors: checks their settings when created, so that
 * a mistake fails the start with its property name, and spawns each actor when its handle bean is created.
 */
final class ActorWorkers {

    private final ActorSystem actorSystem;

    private final ConfigurableListableBeanFactory beanFactory;

    private final Map<String, ActorSettings> settings = new LinkedHashMap<>();

    ActorWorkers(ActorSystem actorSystem, ActorsProperties properties, List<ActorWorkerDefinition> workers,
            ConfigurableListableBeanFactory beanFactory) {
        this.actorSystem = actorSystem;
        this.beanFactory = beanFactory;
        ActorSettings defaults = properties.getDefaults().applyTo(ActorSettings.defaults(), "actors.defaults");
        Map<String, ActorWorkerDefinition> byName = new LinkedHashMap<>();
        workers.forEach((worker) -> byName.put(worker.actorName(), worker));
        checkWorkerNames(properties.getWorkers().keySet(), byName.keySet());
        for (ActorWorkerDefinition worker : workers) {
            ActorsProperties.Settings overrides = properties.getWorkers().get(worker.actorName());
            ActorSettings resolved = defaults;
            if (overrides != null) {
                String prefix = "actors.workers." + worker.actorName();
                if (!worker.batch() && overrides.hasBatchSettings()) {
                    throw new ActorWorkerConfigurationException(
                            prefix + ".batch is set, but actor '" + worker.actorName() + "' ("
                                    + worker.actorClass().getName() + ") is not a BatchActor, so it has no batches.",
                            "Remove " + prefix + ".batch.*, or make " + worker.actorClass().getSimpleName()
                                    + " implement dev.actors.BatchActor instead of dev.actors.Actor.");
                }
                resolved = overrides.applyTo(defaults, prefix);
            }
            this.settings.put(worker.actorName(), resolved);
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
     * Creates and starts an actor; its instances, now and on every restart, come from its prototype bean.
     *
     * @param worker the actor
     * @return its reference
     */
    @SuppressWarnings("unchecked")
    ActorRef<?, ?> spawn(ActorWorkerDefinition worker) {
        String beanName = worker.beanName();
        ActorSettings settings = this.settings.get(worker.actorName());
        ActorRef<?, ?> actor = worker.batch()
                ? this.actorSystem.spawnBatch(worker.actorName(), settings,
                        () -> (BatchActor<Object, Object>) this.beanFactory.getBean(beanName, BatchActor.class))
                : this.actorSystem.spawn(worker.actorName(), settings,
                        () -> (Actor<Object, Object>) this.beanFactory.getBean(beanName, Actor.class));
        stopBeforeDependenciesAreDestroyed(beanName);
        return actor;
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
