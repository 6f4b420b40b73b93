package jp.kosmo.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BackgroundJobsTest {

    /** An executor that keeps what it is given until the test runs it. */
    private static final class HeldExecutor implements Executor {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public void execute(Runnable command) {
            held.add(command);
        }

        void runOne() {
            held.remove(0).run();
        }
    }

    @Nested
    @DisplayName("the bound")
    class Bound {

        @Test
        @DisplayName("at most `capacity` jobs wait; the next one is dropped and counted, not run")
        void dropsBeyondCapacity() {
            BackgroundJobs jobs = new BackgroundJobs("test jobs", 2);
            HeldExecutor executor = new HeldExecutor();
            AtomicInteger ran = new AtomicInteger();
            for (int i = 0; i < 3; i++) {
                jobs.submit(executor, 0, ran::incrementAndGet);
            }
            assertEquals(2, executor.held.size());
            assertEquals(2, jobs.pending());
            assertEquals(1, jobs.dropped());
            executor.runOne();
            executor.runOne();
            assertEquals(2, ran.get());
            assertEquals(0, jobs.pending());
        }

        @Test
        @DisplayName("a finished job frees its place, also when it failed")
        void freesPlace() {
            BackgroundJobs jobs = new BackgroundJobs("test jobs", 1);
            HeldExecutor executor = new HeldExecutor();
            jobs.submit(executor, 0, () -> {
                throw new IllegalStateException("job failed");
            });
            assertThrows(IllegalStateException.class, executor::runOne);
            assertEquals(0, jobs.pending());
            jobs.submit(executor, 0, () -> { });
            assertEquals(1, executor.held.size());
            assertEquals(0, jobs.dropped());
        }

        @Test
        @DisplayName("a job the executor refuses is dropped and frees its place")
        void refused() {
            BackgroundJobs jobs = new BackgroundJobs("test jobs", 1);
            jobs.submit(command -> {
                throw new RejectedExecutionException("shutting down");
            }, 0, () -> { });
            assertEquals(0, jobs.pending());
            assertEquals(1, jobs.dropped());
        }

        @Test
        @DisplayName("a capacity below 1 is refused")
        void capacity() {
            assertThrows(IllegalArgumentException.class, () -> new BackgroundJobs("test jobs", 0));
        }
    }

    @Nested
    @DisplayName("the delay")
    class Delay {

        @Test
        @DisplayName("a delayed job counts as pending until it has run")
        void pendingWhileDelayed() throws InterruptedException {
            BackgroundJobs jobs = new BackgroundJobs("test jobs", 1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch ran = new CountDownLatch(1);
            // the job holds its place until released, so the checks below do not race the 50 ms delay under load
            jobs.submit(Runnable::run, 50, () -> {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.countDown();
            });
            assertEquals(1, jobs.pending());
            jobs.submit(Runnable::run, 50, () -> { });
            assertEquals(1, jobs.dropped(), "the place is taken while the first job waits or runs");
            release.countDown();
            assertTrue(ran.await(5, TimeUnit.SECONDS));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (jobs.pending() > 0 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertEquals(0, jobs.pending());
        }

        @Test
        @DisplayName("a refusal after the delay still frees the place")
        void refusedAfterDelay() {
            BackgroundJobs jobs = new BackgroundJobs("test jobs", 1);
            jobs.submit(command -> {
                throw new RejectedExecutionException("shutting down");
            }, 20, () -> { });
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (jobs.pending() > 0 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertEquals(0, jobs.pending());
            assertEquals(1, jobs.dropped());
        }
    }
}
