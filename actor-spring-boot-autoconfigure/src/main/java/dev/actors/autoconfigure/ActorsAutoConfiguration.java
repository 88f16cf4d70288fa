package dev.actors.autoconfigure;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import dev.actors.ActorExecutors;
import dev.actors.ActorSystem;
import dev.actors.spi.KeyedActorHost;
import dev.actors.spring.ActorWorker;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for actors: one
 * {@link ActorSystem} bean, an actor and a typed {@link dev.actors.ActorHandle} bean for each
 * {@link dev.actors.spring.ActorWorker @ActorWorker} class (a {@link dev.actors.KeyedActorHandle} for a keyed one,
 * hosted by the {@link KeyedActorHost} bean: this JVM's unless another module defines one), settings from {@link ActorsProperties}, and a graceful stop of
 * the actors after the web server has stopped ({@link ActorsLifecycle}).
 *
 * <p>Handlers run on the {@link Executor} bean named {@value #EXECUTOR_BEAN_NAME}: with
 * {@code spring.threads.virtual.enabled=true} on JDK 21+ a virtual thread per run, otherwise a bounded pool of
 * {@link ActorExecutors#defaultThreadCount()} platform threads, sized for blocking handlers. Define a bean of that
 * name to supply your own; declare it with {@code @Bean(defaultCandidate = false)} so that Spring Boot still
 * creates its {@code applicationTaskExecutor}.
 *
 * <p>With {@code actors.enabled=false} nothing of this is created, and {@code @ActorWorker} classes stay inert: they
 * are neither instantiated nor injectable.
 */
@AutoConfiguration
@ImportRuntimeHints(ActorsPropertiesRuntimeHints.class)
public final class ActorsAutoConfiguration {

    ActorsAutoConfiguration() {
        // Created by Spring only: auto-configuration classes have no public constructor.
    }

    /**
     * The name of the executor bean that runs the actors' handlers.
     */
    public static final String EXECUTOR_BEAN_NAME = "actorExecutor";

    private static final String ENABLED_PROPERTY = "actors.enabled";

    private static final String THREAD_NAME_PREFIX = "actor-";

    // Registered even when actors are disabled: it keeps @ActorWorker classes from becoming ordinary beans then.
    @Bean
    static ActorWorkerRegistrar actorWorkerRegistrar(Environment environment) {
        return new ActorWorkerRegistrar(environment.getProperty(ENABLED_PROPERTY, Boolean.class, true));
    }

    // Misspelled keys under actors fail the start; keys that other modules own there (actors.metrics, actors.cluster)
    // do not, as ActorsProperties itself ignores the keys it does not bind.
    @Bean
    static ConfigurationPropertiesBindHandlerAdvisor actorsPropertiesBindHandlerAdvisor(ResourceLoader resourceLoader) {
        return (handler) -> new ActorsPropertiesBindHandler(handler, resourceLoader.getClassLoader());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = ENABLED_PROPERTY, matchIfMissing = true)
    @EnableConfigurationProperties(ActorsProperties.class)
    static class ActorSystemConfiguration {

        @Bean
        static LazyInitializationExcludeFilter actorWorkersLazyInitializationExcludeFilter() {
            // Settings are checked when ActorWorkers is created: keep that at start-up with lazy initialization.
            return LazyInitializationExcludeFilter.forBeanTypes(ActorWorkers.class);
        }

        @Bean
        ActorSettingsResolver actorSettingsResolver(ActorsProperties properties) {
            return new ActorSettingsResolver(properties);
        }

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        ActorSystem actorSystem(ActorSettingsResolver settings, @Qualifier(EXECUTOR_BEAN_NAME) Executor actorExecutor,
                ObjectProvider<ActorSystemCustomizer> customizers) {
            ActorSystem.Builder builder = ActorSystem.builder()
                .executor(actorExecutor)
                .defaults(settings.defaults())
                .threadNamePrefix(THREAD_NAME_PREFIX);
            customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
            return builder.build();
        }

        @Bean(ActorWorkers.BEAN_NAME)
        ActorWorkers actorWorkers(ActorSystem actorSystem, ActorSettingsResolver settings,
                ConfigurableListableBeanFactory beanFactory) {
            return new ActorWorkers(actorSystem, settings, beanFactory);
        }

        @Bean
        ActorsStartupLog actorsStartupLog(ActorSystem actorSystem) {
            return new ActorsStartupLog(actorSystem);
        }

        @Bean
        @ConditionalOnMissingBean(KeyedActorHost.class)
        KeyedActorHost localKeyedActorHost(ActorSystem actorSystem) {
            return new LocalKeyedActorHost(actorSystem);
        }

        @Bean
        @ConditionalOnMissingBean
        ActorsLifecycle actorsLifecycle(ActorSystem actorSystem) {
            return new ActorsLifecycle(actorSystem);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = ENABLED_PROPERTY, matchIfMissing = true)
    @ConditionalOnThreading(Threading.VIRTUAL)
    static class VirtualThreadsExecutorConfiguration {

        @Bean(name = EXECUTOR_BEAN_NAME, defaultCandidate = false)
        @ConditionalOnMissingBean(name = EXECUTOR_BEAN_NAME)
        SimpleAsyncTaskExecutor actorExecutor() {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(THREAD_NAME_PREFIX);
            executor.setVirtualThreads(true);
            return executor;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = ENABLED_PROPERTY, matchIfMissing = true)
    @ConditionalOnThreading(Threading.PLATFORM)
    static class PlatformThreadsExecutorConfiguration {

        // Not Spring's ThreadPoolTaskExecutor: it stops taking tasks when the context closes, before the actors
        // have drained their mailboxes.
        @Bean(name = EXECUTOR_BEAN_NAME, defaultCandidate = false, destroyMethod = "shutdown")
        @ConditionalOnMissingBean(name = EXECUTOR_BEAN_NAME)
        ExecutorService actorExecutor() {
            return ActorExecutors.platformThreads(ActorExecutors.defaultThreadCount(), THREAD_NAME_PREFIX);
        }
    }
}
