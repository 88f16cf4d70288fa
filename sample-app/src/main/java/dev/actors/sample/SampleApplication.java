package dev.actors.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The sample application: three actors, each one of the classic uses.
 * <ul>
 * <li>{@code inventory}: a stateful service, an in-memory stock map with no locks;</li>
 * <li>{@code import-jobs}: fire-and-forget long work, answered with 202 at once;</li>
 * <li>{@code event-writer}: group commit, many requests inserted in one JDBC batch.</li>
 * </ul>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
