package dev.actors.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A group under {@code actors} owned by another module, as {@code actors.cluster} is by the cluster module: bound by
 * its own class, described by the metadata the annotation processor generates for it.
 */
@ConfigurationProperties("actors.cluster")
public class OtherModuleProperties {

    /**
     * Whether this node joins a cluster.
     */
    private boolean enabled;

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
