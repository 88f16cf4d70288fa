package dev.actors.cluster.autoconfigure;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import dev.actors.autoconfigure.actuate.ActorsClusterView;
import dev.actors.cluster.ActorCluster;

/**
 * The cluster as the {@code actors} endpoint shows it: the members, this instance's address, and which instance
 * holds a key.
 */
public class ActorClusterEndpointView implements ActorsClusterView {

    private static final long LOCATE_TIMEOUT_SECONDS = 5;

    private final ActorCluster cluster;

    /**
     * Creates the view of a cluster.
     *
     * @param cluster this instance's part in the cluster
     */
    public ActorClusterEndpointView(ActorCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public @Nullable String selfAddress() {
        return this.cluster.selfAddress().orElse(null);
    }

    @Override
    public List<Member> members() {
        return this.cluster.members()
            .stream()
            .map((member) -> new Member(member.address(), member.status(), member.reachable()))
            .toList();
    }

    @Override
    public Optional<KeyHolder> locate(String actorName, String key) {
        try {
            return this.cluster.locate(actorName, key)
                .get(LOCATE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .map((location) -> new KeyHolder(location.shard(), location.address(), location.local()));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        catch (ExecutionException | TimeoutException ex) {
            // The other instances did not all answer: the endpoint shows the key as not located.
            return Optional.empty();
        }
    }
}
