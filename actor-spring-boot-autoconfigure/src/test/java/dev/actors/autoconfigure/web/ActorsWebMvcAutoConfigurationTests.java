package dev.actors.autoconfigure.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.DispatcherServlet;

import dev.actors.MailboxFullException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ActorsWebMvcAutoConfiguration}.
 */
class ActorsWebMvcAutoConfigurationTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActorsWebMvcAutoConfiguration.class));

    @Test
    void mapsActorExceptionsInServletWebApplications() {
        this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ActorExceptionHandler.class));
    }

    @Test
    void retryAfterComesFromTheProperty() {
        this.contextRunner.withPropertyValues("actors.web.retry-after=2500ms").run((context) -> {
            ResponseEntity<ProblemDetail> response = context.getBean(ActorExceptionHandler.class)
                .handleMailboxFull(new MailboxFullException("orders", 10));
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
        });
    }

    @Test
    void negativeRetryAfterFailsTheStartNamingTheProperty() {
        this.contextRunner.withPropertyValues("actors.web.retry-after=-1s")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("actors.web.retry-after")
                .hasMessageContaining("must be zero or more"));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnHandler() {
        this.contextRunner.withBean("myHandler", ActorExceptionHandler.class)
            .run((context) -> assertThat(context).getBeanNames(ActorExceptionHandler.class)
                .containsExactly("myHandler"));
    }

    @Test
    void backsOffWhenActorsAreDisabled() {
        this.contextRunner.withPropertyValues("actors.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(ActorExceptionHandler.class));
    }

    @Test
    void backsOffWithoutSpringMvc() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
            .run((context) -> assertThat(context).doesNotHaveBean(ActorExceptionHandler.class));
    }

    @Test
    void backsOffInApplicationsThatAreNotServletWebApplications() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ActorsWebMvcAutoConfiguration.class))
            .run((context) -> assertThat(context).doesNotHaveBean(ActorExceptionHandler.class));
    }
}
