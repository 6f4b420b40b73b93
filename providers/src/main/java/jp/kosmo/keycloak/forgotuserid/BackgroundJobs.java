package jp.kosmo.keycloak.forgotuserid;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

/**
 * The background look-ups of one node: at most {@code capacity} waiting or running at once, so a flood of requests
 * cannot pile up work (and memory) without bound. A request beyond that is answered as always; its look-up is
 * dropped, and a warning with the number dropped (no address, no member) is logged at most once a minute.
 */
final class BackgroundJobs {

    private static final Logger LOG = Logger.getLogger(BackgroundJobs.class);
    static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int capacity;
    private final LongSupplier nanoClock;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedSinceWarning = new AtomicLong();
    /** When the last warning was logged (nano clock); starts one interval back so the first drop is logged. */
    private final AtomicLong lastWarning;

    BackgroundJobs(int capacity) {
        this(capacity, System::nanoTime);
    }

    BackgroundJobs(int capacity, LongSupplier nanoClock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.nanoClock = nanoClock;
        this.lastWarning = new AtomicLong(nanoClock.getAsLong() - WARNING_INTERVAL_NANOS);
    }

    /**
     * Runs {@code job} on {@code executor} after {@code delayMillis}, unless {@code capacity} jobs are already waiting
     * or running; then, or when the executor refuses it, the job is dropped.
     */
    void submit(Executor executor, long delayMillis, Runnable job) {
        if (pending.incrementAndGet() > capacity) {
            drop();
            pending.decrementAndGet();
            return;
        }
        Runnable task = () -> {
            try {
                job.run();
            } finally {
                pending.decrementAndGet();
            }
        };
        Executor guarded = command -> {
            try {
                executor.execute(command);
            } catch (RejectedExecutionException e) {
                drop();
                pending.decrementAndGet();
            }
        };
        (delayMillis > 0 ? CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS, guarded) : guarded).execute(task);
    }

    int capacity() {
        return capacity;
    }

    /** Jobs waiting or running now. */
    int pending() {
        return pending.get();
    }

    /** Jobs dropped since the node started. */
    long dropped() {
        return dropped.get();
    }

    private void drop() {
        dropped.incrementAndGet();
        droppedSinceWarning.incrementAndGet();
        long now = nanoClock.getAsLong();
        long last = lastWarning.get();
        if (now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("Forgot-user-ID page: the background look-ups of this node are full (at most %d pending) or refused; "
                    + "%d request(s) answered without a look-up since the last warning", capacity, droppedSinceWarning.getAndSet(0));
        }
    }
}
