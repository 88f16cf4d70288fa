package dev.actors.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.actors.ActorCallCycleException;

/**
 * Call-cycle detection (Orleans' call-chain tracking): a {@code call} whose target is busy, right now, with the
 * message whose handling led to this call would wait for itself, so it fails at once.
 *
 * <p>The rules it keeps:
 * <ul>
 * <li>A call's envelope remembers its parent: the message its sender was handling when it called (or whose reply
 * continuation it was running). The chain is that list of parents; a cell's {@code handling} field names the
 * message it is busy with, sync or while an async stage is in flight.</li>
 * <li>A call cycles when some envelope of its chain is the one its target is busy with. The check walks the chain
 * (as long as the calls nest, usually one or two) only for calls made while handling a message.</li>
 * <li>The thread-local is set once per run (to the cell, whose {@code handling} changes per message), not per
 * message, and the cast path never reads it: casts cannot deadlock.</li>
 * <li>A reply is completed with the thread-local set to the caller's message, so the caller's continuations that
 * run inline (on the replying actor's thread) carry the caller's chain, as an async handler's stage does.</li>
 * <li>Threads that the runtime does not run (an HTTP client's, a thread the handler starts) carry no chain: calls
 * made there are not checked and wait for their timeout as before.</li>
 * </ul>
 */
final class CallChain {

    /** The cell whose run this thread is in, or the envelope whose caller's continuation it is running. */
    private static final ThreadLocal<Object> CURRENT = new ThreadLocal<>();

    private CallChain() {
    }

    /** Marks this thread as running a cell; returns what to restore after. */
    static Object enter(ActorCell<?, ?> cell) {
        Object previous = CURRENT.get();
        CURRENT.set(cell);
        return previous;
    }

    static void exit(Object previous) {
        CURRENT.set(previous);
    }

    /** The message whose handling a call from this thread would be part of, or {@code null}. */
    static Envelope current() {
        Object current = CURRENT.get();
        if (current instanceof ActorCell<?, ?> cell) {
            return cell.mailbox.handling;
        }
        return (Envelope) current;
    }

    /**
     * Checks a call before it is sent.
     *
     * @param target the called actor
     * @param parent the message being handled by the caller (not {@code null})
     * @return the cycle, or {@code null} when there is none
     */
    static ActorCallCycleException cycle(ActorCell<?, ?> target, Envelope parent) {
        Envelope busyWith = target.handlingNow();
        if (busyWith == null) {
            return null;
        }
        for (Envelope link = parent; link != null; link = link.parent()) {
            if (link == busyWith) {
                return new ActorCallCycleException(names(parent, link, target.name));
            }
        }
        return null;
    }

    private static List<String> names(Envelope from, Envelope to, String target) {
        List<String> names = new ArrayList<>();
        names.add(target);
        for (Envelope link = from; link != to; link = link.parent()) {
            names.add(link.actorName);
        }
        names.add(to.actorName);
        Collections.reverse(names);
        return names;
    }

    /** Completes a reply where the caller's continuations see the caller's chain. */
    static void complete(Envelope envelope, Object result, Throwable failure) {
        Envelope parent = envelope.parent();
        if (parent == null) {
            completeNow(envelope, result, failure);
            return;
        }
        Object previous = CURRENT.get();
        CURRENT.set(parent);
        try {
            completeNow(envelope, result, failure);
        }
        finally {
            CURRENT.set(previous);
            envelope.clearParent();   // the chain is needed while the call is handled, not by a caller's future
        }
    }

    private static void completeNow(Envelope envelope, Object result, Throwable failure) {
        if (failure == null) {
            envelope.complete(result);
        }
        else {
            envelope.completeExceptionally(failure);
        }
    }
}
