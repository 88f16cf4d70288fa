package dev.actors.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.actors.ActorHandle;

/**
 * A stand-in for an actor that the one under test sends to: hand it where the real actor's handle would go, and it
 * records every message, in order. Calls are answered by the function given to {@link #answerWith(Function)};
 * until one is given they stay unanswered ({@link #pendingCalls()}), which is how a test makes a caller wait.
 *
 * <p>It is not an actor: nothing is queued or timed, and a call's own timeout is not applied.
 *
 * @param <M> the message type
 * @param <R> the reply type
 */
public final class TestInbox<M, R> implements ActorHandle<M, R> {

    private final String name;

    private final List<M> received = new ArrayList<>();

    private final List<M> casts = new ArrayList<>();

    private final List<M> calls = new ArrayList<>();

    private final List<Waiting<M, R>> pending = new ArrayList<>();

    private Function<? super M, ? extends R> answer;

    TestInbox(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public synchronized CompletableFuture<R> call(M message) {
        record(message, this.calls);
        CompletableFuture<R> reply = new CompletableFuture<>();
        if (this.answer != null) {
            answer(message, reply);
        }
        else {
            this.pending.add(new Waiting<>(message, reply));
        }
        return reply;
    }

    @Override
    public CompletableFuture<R> call(M message, Duration timeout) {
        return call(message);
    }

    @Override
    public synchronized void cast(M message) {
        record(message, this.casts);
    }

    /**
     * Answers every later call with this function (a function that throws fails the call), and the calls that
     * wait, in the order they came.
     *
     * @param answer makes the reply of a request
     * @return this inbox
     */
    public synchronized TestInbox<M, R> answerWith(Function<? super M, ? extends R> answer) {
        this.answer = Objects.requireNonNull(answer, "answer");
        for (Waiting<M, R> call : this.pending) {
            answer(call.request(), call.reply());
        }
        this.pending.clear();
        return this;
    }

    /**
     * Returns every message received, casts and calls, in order.
     *
     * @return the messages
     */
    public synchronized List<M> received() {
        return List.copyOf(this.received);
    }

    /**
     * Returns the messages cast, in order.
     *
     * @return the casts
     */
    public synchronized List<M> casts() {
        return List.copyOf(this.casts);
    }

    /**
     * Returns the requests of the calls, in order.
     *
     * @return the calls' messages
     */
    public synchronized List<M> calls() {
        return List.copyOf(this.calls);
    }

    /**
     * Returns the replies of the calls not answered yet, in order: complete them to answer.
     *
     * @return the unanswered calls' futures
     */
    public synchronized List<CompletableFuture<R>> pendingCalls() {
        this.pending.removeIf((call) -> call.reply().isDone());
        return this.pending.stream().map(Waiting::reply).toList();
    }

    private void record(M message, List<M> kind) {
        Objects.requireNonNull(message, () -> "Inbox '" + this.name + "': the message must not be null");
        this.received.add(message);
        kind.add(message);
    }

    private void answer(M message, CompletableFuture<R> reply) {
        if (reply.isDone()) {
            return;   // the test answered it by hand
        }
        try {
            reply.complete(this.answer.apply(message));
        }
        catch (RuntimeException ex) {
            reply.completeExceptionally(ex);
        }
    }

    private record Waiting<M, R>(M request, CompletableFuture<R> reply) {
    }

    @Override
    public String toString() {
        return "test inbox '" + this.name + "'";
    }
}
