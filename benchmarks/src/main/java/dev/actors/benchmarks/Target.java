package dev.actors.benchmarks;

/**
 * One implementation under test: one or more single-threaded receivers that count what they handle into a
 * {@link Sink} and echo calls. Implementations: {@link ActorsTarget} (this project), {@link PekkoTarget},
 * {@link HandRolledTarget} and {@link RawQueueTarget}; {@link #create} maps the benchmarks' {@code impl} parameter
 * to them.
 */
interface Target extends AutoCloseable {

    /**
     * Mailbox capacity for every bounded implementation: more than the benchmarks ever have in flight (two
     * producers × one burst), so nothing is rejected and no producer blocks on a full queue.
     */
    int CAPACITY = 1 << 16;

    /** The message every benchmark sends: one shared instance, so that boxing is not measured. */
    Long MESSAGE = 42L;

    /**
     * Sends a message without waiting for its handling.
     *
     * @param actor which receiver, from 0
     * @param message the message
     */
    void cast(int actor, Long message);

    /**
     * Sends a message to receiver 0 and waits for its reply.
     *
     * @param message the message
     * @return the reply (the message)
     * @throws Exception when the call fails
     */
    Long call(Long message) throws Exception;

    /**
     * Messages handled so far, over all receivers.
     *
     * @return the count
     */
    long handled();

    /**
     * Waits until at least {@code goal} messages have been handled. Spins briefly, then yields: on a 2-core machine
     * a waiting producer must not keep the core the consumer needs.
     *
     * @param goal the handled count to reach
     */
    default void awaitHandled(long goal) {
        int spins = 0;
        while (handled() < goal) {
            if (++spins < 64) {
                Thread.onSpinWait();
            }
            else {
                Thread.yield();
            }
        }
    }

    /** Stops the implementation and its threads. */
    @Override
    void close();

    /**
     * Creates an implementation by its benchmark name.
     *
     * @param impl {@code actors}, {@code actors-virtual}, {@code pekko}, {@code hand-rolled} or {@code raw-queue};
     *     also {@code actors-forkjoin}, not in the default run (pass it with {@code -p impl=}), and
     *     {@code actors-async}: an {@code AsyncActor} whose stage completes on another thread
     *     ({@link AsyncCallLatencyBenchmark})
     * @param receivers how many receivers (actors); only the actor implementations support more than one
     * @return the started implementation
     */
    static Target create(String impl, int receivers) {
        return switch (impl) {
            case "actors" -> new ActorsTarget(ActorsTarget.Executor.DEFAULT, receivers);
            case "actors-virtual" -> new ActorsTarget(ActorsTarget.Executor.VIRTUAL, receivers);
            case "actors-forkjoin" -> new ActorsTarget(ActorsTarget.Executor.FORK_JOIN, receivers);
            case "actors-async" -> new ActorsTarget(ActorsTarget.Executor.DEFAULT, receivers, true);
            case "pekko" -> new PekkoTarget(receivers);
            case "hand-rolled" -> new HandRolledTarget(receivers);
            case "raw-queue" -> new RawQueueTarget(receivers);
            default -> throw new IllegalArgumentException("Unknown implementation '" + impl + "'");
        };
    }
}
