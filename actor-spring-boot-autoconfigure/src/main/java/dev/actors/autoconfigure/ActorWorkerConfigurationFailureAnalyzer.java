package dev.actors.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link ActorWorkerConfigurationException} as a start-up failure with its description and action,
 * instead of a stack trace.
 */
class ActorWorkerConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ActorWorkerConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ActorWorkerConfigurationException cause) {
        return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
    }
}
