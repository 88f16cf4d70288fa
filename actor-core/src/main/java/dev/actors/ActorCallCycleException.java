package dev.actors;

import java.util.List;

/**
 * A {@code call} would wait for itself: its target is busy, right now, with the message whose handling led to this
 * call, directly or through a chain of calls. Without this check the call would hang until its timeout (and block
 * every actor in the chain meanwhile), so it fails at once. It is a programming error: break the cycle with a
 * {@code cast}, or by replying first.
 */
public class ActorCallCycleException extends ActorException {

    private static final long serialVersionUID = 1L;

    /** The actors' names along the cycle, from the busy target to the target again. */
    private final List<String> chain;

    /**
     * Creates the exception.
     *
     * @param chain the actors' names from the busy target through the calls to the target again, for example
     *     {@code [ping, pong, ping]}
     */
    public ActorCallCycleException(List<String> chain) {
        super(chain.get(chain.size() - 1), "Call cycle " + String.join(" -> ", chain) + ": actor '"
                + chain.get(chain.size() - 1) + "' is busy with the message that led to this call, so the call "
                + "would wait for itself until its timeout; break the cycle with a cast, or reply first");
        this.chain = List.copyOf(chain);
    }

    /**
     * Returns the chain of calls, as the actors' names, from the busy target to the target again.
     *
     * @return the chain, for example {@code [ping, pong, ping]}
     */
    public List<String> chain() {
        return this.chain;
    }

    /**
     * Returns the chain as it reads in the message, for example {@code ping -> pong -> ping}.
     *
     * @return the chain
     */
    public String cycle() {
        return String.join(" -> ", this.chain);
    }
}
