package dev.actors.autoconfigure.web;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

import dev.actors.autoconfigure.ActorsProperties;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} that maps the actors'
 * exceptions to HTTP statuses with problem details in Spring MVC applications ({@link ActorExceptionHandler}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "actors.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ActorsProperties.class)
public final class ActorsWebMvcAutoConfiguration {

    ActorsWebMvcAutoConfiguration() {
        // Created by Spring only: auto-configuration classes have no public constructor.
    }

    @Bean
    @ConditionalOnMissingBean
    ActorExceptionHandler actorExceptionHandler(ActorsProperties properties) {
        Duration retryAfter = properties.getWeb().getRetryAfter();
        if (retryAfter == null || retryAfter.isNegative()) {
            throw new InvalidConfigurationPropertyValueException("actors.web.retry-after", retryAfter,
                    "must be zero or more (a duration such as 1s)");
        }
        return new ActorExceptionHandler(retryAfter);
    }
}
