package dev.actors.autoconfigure.scan;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Scans this package, as an application's {@code @SpringBootApplication} scans its own.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class ScannedActors {

}
