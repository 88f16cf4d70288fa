package dev.actors.autoconfigure.tracing;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;

import dev.actors.spi.ContextPropagator;

/**
 * A {@link ContextPropagator} over the context-propagation library: it captures every {@code ThreadLocalAccessor}
 * of a {@link ContextRegistry} on the sender's thread and sets them around the handler on the actor's thread. With
 * micrometer-observation present this carries the current {@code Observation}, and with it the tracing span and
 * whatever tracing puts in the logging MDC.
 *
 * <p>Thread locals the sender did not have are cleared for the handler, so nothing left on a shared thread by an
 * earlier task leaks into it, and restored afterwards.
 */
public final class ContextSnapshotPropagator implements ContextPropagator {

    private final ContextSnapshotFactory snapshotFactory;

    /**
     * Creates a propagator over the global {@link ContextRegistry#getInstance() context registry}.
     */
    public ContextSnapshotPropagator() {
        this(ContextRegistry.getInstance());
    }

    /**
     * Creates a propagator over the given context registry.
     *
     * @param contextRegistry the registry whose thread locals are carried
     */
    public ContextSnapshotPropagator(ContextRegistry contextRegistry) {
        this.snapshotFactory = ContextSnapshotFactory.builder()
            .contextRegistry(contextRegistry)
            .clearMissing(true)
            .build();
    }

    @Override
    public Object capture() {
        return this.snapshotFactory.captureAll();
    }

    @Override
    public Scope restore(Object snapshot) {
        ContextSnapshot.Scope scope = ((ContextSnapshot) snapshot).setThreadLocals();
        return scope::close;
    }
}
