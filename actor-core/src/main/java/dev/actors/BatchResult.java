package dev.actors;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One outcome per message of a batch, for a {@link BatchActor} that can tell which of its messages failed: those
 * callers get their own exception, the others their results, and the batch as a whole succeeds (the
 * {@link FailurePolicy} does not apply, and nothing is retried). Return it from
 * {@link BatchActor#handleBatch(List)}, where a plain {@code List<R>} still says "all succeeded":
 *
 * <pre>{@code
 * public List<Receipt> handleBatch(List<Payment> payments) {
 *     BatchResult.Builder<Receipt> result = BatchResult.builder(payments.size());
 *     for (Payment payment : payments) {
 *         if (payment.amount() <= 0) {
 *             result.fail(new IllegalArgumentException("amount must be positive"));
 *         }
 *         else {
 *             result.succeed(gateway.charge(payment));
 *         }
 *     }
 *     return result.build();
 * }
 * }</pre>
 *
 * <p>As a {@code List<R>} it holds the results, with {@code null} at the failed positions; {@link #failure(int)}
 * tells them apart.
 *
 * @param <R> the reply type
 */
public final class BatchResult<R> extends AbstractList<R> implements RandomAccess {

    private final Object[] results;

    private final Throwable[] failures;

    private final int failureCount;

    private BatchResult(Object[] results, Throwable[] failures, int failureCount) {
        this.results = results;
        this.failures = failures;
        this.failureCount = failureCount;
    }

    /**
     * Starts the outcomes of a batch, to be given in the batch's order.
     *
     * @param <R> the reply type
     * @param size the batch's size
     * @return a new builder
     */
    public static <R> Builder<R> builder(int size) {
        return new Builder<>(size);
    }

    /**
     * Returns the result of message {@code index}, or {@code null} if it failed.
     *
     * @param index the message's position in the batch
     * @return its result
     */
    @Override
    @SuppressWarnings("unchecked")
    public R get(int index) {
        Objects.checkIndex(index, this.results.length);
        return (R) this.results[index];
    }

    @Override
    public int size() {
        return this.results.length;
    }

    /**
     * Returns why message {@code index} failed.
     *
     * @param index the message's position in the batch
     * @return its exception, or {@code null} if it succeeded
     */
    public Throwable failure(int index) {
        Objects.checkIndex(index, this.results.length);
        return (this.failures != null) ? this.failures[index] : null;
    }

    /**
     * Returns how many messages failed.
     *
     * @return the number of failures
     */
    public int failureCount() {
        return this.failureCount;
    }

    /**
     * Collects the outcomes of one batch, one per message, in order.
     *
     * @param <R> the reply type
     */
    public static final class Builder<R> {

        private final List<Object> results;

        private Throwable[] failures;

        private int failureCount;

        private Builder(int size) {
            this.results = new ArrayList<>(size);
        }

        /**
         * Adds the next message's result.
         *
         * @param result its result, may be {@code null}
         * @return this builder
         */
        public Builder<R> succeed(R result) {
            this.results.add(result);
            return this;
        }

        /**
         * Adds the next message's failure: its caller gets this exception (a cast's is logged and counted).
         *
         * @param failure why it failed
         * @return this builder
         */
        public Builder<R> fail(Throwable failure) {
            Objects.requireNonNull(failure, "failure");
            int index = this.results.size();
            if (this.failures == null) {
                this.failures = new Throwable[Math.max(index + 1, 16)];
            }
            else if (index >= this.failures.length) {
                this.failures = Arrays.copyOf(this.failures, Math.max(index + 1, this.failures.length * 2));
            }
            this.failures[index] = failure;
            this.failureCount++;
            this.results.add(null);
            return this;
        }

        /**
         * Builds the outcomes; their number must be the batch's size, as for any result list.
         *
         * @return the outcomes
         */
        public BatchResult<R> build() {
            int size = this.results.size();
            Throwable[] failures = (this.failures != null) ? Arrays.copyOf(this.failures, size) : null;
            return new BatchResult<>(this.results.toArray(), failures, this.failureCount);
        }
    }
}
