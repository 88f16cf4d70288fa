package dev.actors.cluster;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.apache.pekko.actor.typed.ActorRef;

import dev.actors.Actor;
import dev.actors.ActorKind;
import dev.actors.spi.KeyedActorSpec;

/**
 * A call that an entity hands to its local key, with the address its reply goes to, so that the key's handler can
 * send the reply itself, on the key's actor thread, the moment it returns.
 *
 * <p>Why: the entity could attach a continuation to the local call's future instead, but only after the call is
 * queued, and the woken actor thread often answers first. The continuation then runs on the entity's thread (a
 * shard's thread), which must not run the caller's continuations, so the reply takes one thread hand-off more. A
 * handler that replies itself never loses that race. Only a plain actor's handler, whose value is the reply,
 * replies so; for the other kinds, and for every outcome without a handler's value or exception (a timeout, a
 * skipped expired call, a refusal), the entity's continuation replies; {@link #claimReply()} keeps it to one.
 *
 * <p>What a caller may notice: the key's counters include the call a moment after the caller has its reply, not
 * before; and a caller on this instance whose continuation is not async has it run on the key's actor thread while
 * the handler's message is still the key's current one (its sender's context restored), as a call in one JVM runs
 * it on the actor's thread just after. Use the async variants ({@code thenApplyAsync}) for anything slow.
 */
final class RelayedCall {

    private static final VarHandle REPLIED;

    static {
        try {
            REPLIED = MethodHandles.lookup().findVarHandle(RelayedCall.class, "replied", boolean.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    final Object message;

    private final ActorRef<Reply> replyTo;

    /**
     * Taken by whoever replies first: the handler's thread as the handler ends, or the entity's continuation when
     * the local call completes another way. Both can happen to one call (its timeout fires while the handler runs),
     * and the caller must get one reply.
     */
    @SuppressWarnings("unused") // accessed through REPLIED
    private volatile boolean replied;

    RelayedCall(Object message, ActorRef<Reply> replyTo) {
        this.message = message;
        this.replyTo = replyTo;
    }

    /**
     * Takes the right to reply.
     *
     * @return {@code true} for the first taker only
     */
    boolean claimReply() {
        return REPLIED.compareAndSet(this, false, true);
    }

    private void reply(Object value, Throwable failure) {
        if (claimReply()) {
            this.replyTo.tell(Reply.of(value, failure, true));
        }
    }

    /**
     * The spec whose instances reply to relayed calls themselves: a plain actor's; any other spec as it is.
     *
     * @param spec the keyed actor's spec
     * @param made set once the local keyed actor has made an instance that replies; until then (and for ever, with a
     *     {@link LocalKeyedActors} that makes its instances some other way) the entity must not relay, since the
     *     instance would get the {@code RelayedCall} as its message
     * @return the spec for the local keyed actor
     */
    @SuppressWarnings("unchecked")
    static <M, R> KeyedActorSpec<M, R> replyingFromHandlers(KeyedActorSpec<M, R> spec, AtomicBoolean made) {
        if (spec.kind() != ActorKind.ACTOR || spec.async()) {
            return spec;
        }
        Function<String, ?> instances = spec.instanceFactory();
        // A factory's null goes through as it is: the runtime refuses it with its own message.
        return new KeyedActorSpec<>(spec.name(), spec.kind(), spec.settings(), spec.messageType(), spec.replyType(),
                (key) -> {
                    Actor<Object, Object> instance = (Actor<Object, Object>) instances.apply(key);
                    if (instance == null) {
                        return null;
                    }
                    made.set(true);
                    return new Replying(instance);
                }, false);
    }

    /**
     * A plain actor's instance that, given a relayed call, replies as soon as the handler returns or throws; other
     * messages (casts) pass through. Closing it closes the instance.
     */
    private static final class Replying implements Actor<Object, Object>, AutoCloseable {

        private final Actor<Object, Object> actor;

        Replying(Actor<Object, Object> actor) {
            this.actor = actor;
        }

        @Override
        public Object handle(Object message) throws Exception {
            if (!(message instanceof RelayedCall call)) {
                return this.actor.handle(message);
            }
            Object value;
            try {
                value = this.actor.handle(call.message);
            }
            catch (Exception ex) {
                // As the entity's continuation would see it through the local call's future: a handler that
                // joined another call threw its CompletionException, and the caller must get the cause.
                call.reply(null, ShardedKeyedActor.unwrap(ex));
                throw ex;
            }
            call.reply(value, null);
            return value;
        }

        @Override
        public void close() throws Exception {
            if (this.actor instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
