package dev.actors.cluster;

/**
 * How the cluster removes an instance that stopped answering (a crash, a network partition), so that its keys can
 * start elsewhere: a strategy of Pekko's Split Brain Resolver, decided once the membership has been stable for
 * {@code stable-after}.
 */
public enum Downing {

    /** The side with more instances stays; on a tie, the side with the lowest address. */
    KEEP_MAJORITY("keep-majority"),

    /** The side with the oldest instance stays. */
    KEEP_OLDEST("keep-oldest"),

    /** Every instance downs itself when any becomes unreachable: for clusters that a supervisor restarts. */
    DOWN_ALL("down-all"),

    /**
     * No downing: an instance that crashes stays a member, unreachable, and its keys stay unreachable until an
     * operator downs it. Pekko's own default; not recommended.
     */
    OFF(null);

    private final String strategy;

    Downing(String strategy) {
        this.strategy = strategy;
    }

    /**
     * Returns the Split Brain Resolver's name of this strategy.
     *
     * @return the strategy's name, or {@code null} for {@link #OFF}
     */
    String strategy() {
        return this.strategy;
    }
}
