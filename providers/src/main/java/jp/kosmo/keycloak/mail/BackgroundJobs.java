package jp.kosmo.keycloak.mail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

/**
 * Background work of one kind on one node (the forgot-user-ID page's look-ups, the member mails): at most
 * {@code capacity} jobs waiting or running at once, so a flood of requests cannot pile up work (and memory) without
 * bound, and the work runs on an executor of its own, never on Keycloak's request threads. A request beyond that is
 * answered as always; its job is dropped (the caller may say what that means, e.g. a mail recorded as failed), and a
 * warning with the number dropped (no address, no member) is logged at most once a minute.
 */
public final class BackgroundJobs {

    private static final Logger LOG = Logger.getLogger(BackgroundJobs.class);
    static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String what;
    private final int capacity;
    private final LongSupplier nanoClock;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedSinceWarning = new AtomicLong();
    /** When the last warning was logged (nano clock); starts one interval back so the first drop is logged. */
    private final AtomicLong lastWarning;

    /** @param what the jobs, as the warning names them ("forgot-user-ID look-ups", "member mails") */
    public BackgroundJobs(String what, int capacity) {
        this(what, capacity, System::nanoTime);
    }

    BackgroundJobs(String what, int capacity, LongSupplier nanoClock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.what = what;
        this.capacity = capacity;
        this.nanoClock = nanoClock;
        this.lastWarning = new AtomicLong(nanoClock.getAsLong() - WARNING_INTERVAL_NANOS);
    }

    /**
     * Runs {@code job} on {@code executor} after {@code delayMillis}, unless {@code capacity} jobs are already waiting
     * or running; then, or when the executor refuses it, the job is dropped.
     */
    public void submit(Executor executor, long delayMillis, Runnable job) {
        submit(executor, delayMillis, job, () -> { });
    }

    /**
     * As {@link #submit(Executor, long, Runnable)}; a dropped job runs {@code dropped} instead, on the calling thread
     * (or, for a refused delayed job, on the timer's), so it must be short and must not throw.
     */
    public void submit(Executor executor, long delayMillis, Runnable job, Runnable dropped) {
        if (pending.incrementAndGet() > capacity) {
            drop();
            pending.decrementAndGet();
            dropped.run();
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
                dropped.run();
            }
        };
        (delayMillis > 0 ? CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS, guarded) : guarded).execute(task);
    }

    public int capacity() {
        return capacity;
    }

    /** Jobs waiting or running now. */
    public int pending() {
        return pending.get();
    }

    /** Jobs dropped since the node started. */
    public long dropped() {
        return dropped.get();
    }

    private void drop() {
        dropped.incrementAndGet();
        droppedSinceWarning.incrementAndGet();
        long now = nanoClock.getAsLong();
        long last = lastWarning.get();
        if (now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("The %s of this node are full (at most %d pending) or refused; %d dropped since the last warning",
                    what, capacity, droppedSinceWarning.getAndSet(0));
        }
    }
}
