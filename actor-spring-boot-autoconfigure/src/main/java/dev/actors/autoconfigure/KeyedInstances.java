package dev.actors.autoconfigure;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.core.MethodParameter;

import dev.actors.ActorKey;

/**
 * Makes the instance of one key of a keyed {@code @ActorWorker} from its prototype bean: the constructor parameter
 * marked {@link ActorKey @ActorKey} gets the key, the others are resolved as Spring resolves any constructor's, and
 * the bean is then initialized as usual ({@code @Value} fields, post-processors).
 */
final class KeyedInstances implements Function<String, Object> {

    private final ConfigurableListableBeanFactory beanFactory;

    private final String beanName;

    private final Constructor<?> constructor;

    private final int keyIndex;

    private KeyedInstances(ConfigurableListableBeanFactory beanFactory, String beanName, Constructor<?> constructor,
            int keyIndex) {
        this.beanFactory = beanFactory;
        this.beanName = beanName;
        this.constructor = constructor;
        this.keyIndex = keyIndex;
    }

    /**
     * Returns the factory of a keyed actor's instances.
     *
     * @param beanFactory the bean factory
     * @param worker the keyed actor
     * @return a function from key to new instance
     */
    static KeyedInstances of(ConfigurableListableBeanFactory beanFactory, ActorWorkerDefinition worker) {
        Constructor<?> constructor = keyConstructor(worker.actorClass());
        int keyIndex = (constructor != null) ? keyIndex(constructor) : -1;
        return new KeyedInstances(beanFactory, worker.beanName(), constructor, keyIndex);
    }

    @Override
    public Object apply(String key) {
        if (this.constructor == null) {
            return this.beanFactory.getBean(this.beanName);
        }
        Object[] args = new Object[this.constructor.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = (i == this.keyIndex) ? key
                    : this.beanFactory.resolveDependency(
                            new DependencyDescriptor(MethodParameter.forExecutable(this.constructor, i), true),
                            this.beanName);
        }
        return this.beanFactory.getBean(this.beanName, args);
    }

    /**
     * Checks where {@code @ActorKey} is used: only on a keyed actor, once, on a {@code String} constructor
     * parameter.
     *
     * @param actorClass the actor class
     * @param keyed whether it is declared keyed
     * @throws ActorWorkerConfigurationException when it is misused
     */
    static void check(Class<?> actorClass, boolean keyed) {
        Constructor<?> constructor = keyConstructor(actorClass);
        if (constructor == null) {
            return;
        }
        if (!keyed) {
            throw new ActorWorkerConfigurationException(actorClass.getName() + " has an @ActorKey constructor "
                    + "parameter, but its @ActorWorker is not keyed, so it has no key.",
                    "Declare it @ActorWorker(value = \"...\", keyed = true) for one instance per key, or remove "
                            + "@ActorKey.");
        }
        keyIndex(constructor);
    }

    private static Constructor<?> keyConstructor(Class<?> actorClass) {
        List<Constructor<?>> withKey = new ArrayList<>();
        for (Constructor<?> constructor : actorClass.getDeclaredConstructors()) {
            for (Parameter parameter : constructor.getParameters()) {
                if (parameter.isAnnotationPresent(ActorKey.class)) {
                    withKey.add(constructor);
                    break;
                }
            }
        }
        if (withKey.size() > 1) {
            throw new ActorWorkerConfigurationException(actorClass.getName() + " has " + withKey.size()
                    + " constructors with an @ActorKey parameter.",
                    "Keep @ActorKey on the parameters of one constructor only: the one Spring uses.");
        }
        return withKey.isEmpty() ? null : withKey.get(0);
    }

    private static int keyIndex(Constructor<?> constructor) {
        int index = -1;
        Parameter[] parameters = constructor.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isAnnotationPresent(ActorKey.class)) {
                if (index >= 0 || parameters[i].getType() != String.class) {
                    throw new ActorWorkerConfigurationException(constructor.getDeclaringClass().getName()
                            + ": @ActorKey must mark one String constructor parameter.",
                            "Mark exactly one parameter, of type String, with @ActorKey: it receives the key.");
                }
                index = i;
            }
        }
        return index;
    }
}
