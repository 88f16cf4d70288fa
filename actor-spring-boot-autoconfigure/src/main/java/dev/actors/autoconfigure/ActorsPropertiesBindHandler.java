package dev.actors.autoconfigure;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;

/**
 * Fails the binding of {@link ActorsProperties} on a key under {@code actors} that names no property, as Spring
 * Boot's {@code NoUnboundElementsBindHandler} does, but with the keys of every module as valid: those that
 * {@link ActorsProperties} binds and those that the configuration metadata on the class path describes (see
 * {@link ActorsPropertyKeys}). So {@code actors.metrics.histograms}, read by a condition, and {@code actors.cluster.*},
 * bound by a class of another module, pass; {@code actors.defaults.mailbox-capcity} fails with an
 * {@link UnboundConfigurationPropertiesException}, which {@link ActorsPropertiesFailureAnalyzer} reports with the
 * nearest valid key. Keys from the system environment and system properties are left alone, as Spring Boot does.
 */
final class ActorsPropertiesBindHandler extends AbstractBindHandler {

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of(ActorsPropertyKeys.PREFIX);

    private final @Nullable ClassLoader classLoader;

    private final UnboundElementsSourceFilter sourceFilter = new UnboundElementsSourceFilter();

    ActorsPropertiesBindHandler(BindHandler parent, @Nullable ClassLoader classLoader) {
        super(parent);
        this.classLoader = classLoader;
    }

    @Override
    public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
            @Nullable Object result) throws Exception {
        if (context.getDepth() == 0 && ROOT.equals(name) && target.getType().resolve() == ActorsProperties.class) {
            checkKnown(context);
        }
        super.onFinish(name, target, context, result);
    }

    private void checkKnown(BindContext context) {
        // ActorsProperties' own keys first: the metadata is read only when some key is not one of them.
        ActorsPropertyKeys bound = ActorsPropertyKeys.bound();
        Set<ConfigurationProperty> unknown = new TreeSet<>();
        for (ConfigurationPropertySource source : context.getSources()) {
            if (source instanceof IterableConfigurationPropertySource iterable && this.sourceFilter.apply(source)) {
                iterable.filter(ROOT::isAncestorOf)
                    .stream()
                    .filter((candidate) -> !bound.isValid(candidate.toString()))
                    .map(iterable::getConfigurationProperty)
                    .filter(Objects::nonNull)
                    .forEach(unknown::add);
            }
        }
        if (!unknown.isEmpty()) {
            ActorsPropertyKeys all = ActorsPropertyKeys.load(this.classLoader);
            unknown.removeIf((property) -> all.isValid(property.getName().toString()));
        }
        if (!unknown.isEmpty()) {
            throw new UnboundConfigurationPropertiesException(unknown);
        }
    }
}
