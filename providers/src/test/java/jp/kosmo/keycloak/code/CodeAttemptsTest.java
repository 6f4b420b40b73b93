package jp.kosmo.keycloak.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CodeAttemptsTest {

    private static final long NOW = 1_000_000;
    private final MapCodeStore store = new MapCodeStore();
    private final CodeAttempts attempts = new CodeAttempts(store);
    private final CodeIssuer.Issued issued = new CodeIssuer(new SecureRandom()).issue(NOW, 300);

    private String wrong() {
        return issued.code().equals("000000") ? "000001" : "000000";
    }

    @Nested
    class SingleUse {
        @Test
        void theRightCodeWorksOnce() {
            assertEquals(CodeAttempts.Outcome.OK, attempts.verify(issued.kept(), issued.code(), NOW, 5).outcome());
            assertEquals(CodeAttempts.Outcome.USED, attempts.verify(issued.kept(), issued.code(), NOW, 5).outcome());
            assertTrue(attempts.isSpent(issued.kept(), NOW, 5));
        }

        @Test
        void parallelPostsOfTheRightCodeLetOnlyOneIn() throws Exception {
            List<CodeAttempts.Outcome> outcomes = race(8, issued.code());
            assertEquals(1, outcomes.stream().filter(o -> o == CodeAttempts.Outcome.OK).count(), outcomes.toString());
        }
    }

    @Nested
    class Expiry {
        @Test
        void beforeTheEndItWorks() {
            assertEquals(CodeAttempts.Outcome.OK, attempts.verify(issued.kept(), issued.code(), NOW + 299, 5).outcome());
        }

        @Test
        void atTheEndItIsExpiredAndNoTryIsTaken() {
            assertEquals(CodeAttempts.Outcome.EXPIRED, attempts.verify(issued.kept(), issued.code(), NOW + 300, 5).outcome());
            assertTrue(store.entries.isEmpty());
            assertTrue(attempts.isSpent(issued.kept(), NOW + 300, 5));
        }
    }

    @Nested
    class Tries {
        @Test
        void wrongCodesCountDownAndTheLastOneKillsTheCode() {
            for (int left = 4; left >= 0; left--) {
                CodeAttempts.Result result = attempts.verify(issued.kept(), wrong(), NOW, 5);
                assertEquals(CodeAttempts.Outcome.WRONG, result.outcome());
                assertEquals(left, result.triesLeft());
            }
            assertEquals(CodeAttempts.Outcome.DEAD, attempts.verify(issued.kept(), issued.code(), NOW, 5).outcome());
            assertTrue(attempts.isSpent(issued.kept(), NOW, 5));
        }

        @Test
        void theRightCodeOnTheLastTryStillWorks() {
            for (int i = 0; i < 4; i++) {
                attempts.verify(issued.kept(), wrong(), NOW, 5);
            }
            assertFalse(attempts.isSpent(issued.kept(), NOW, 5));
            assertEquals(CodeAttempts.Outcome.OK, attempts.verify(issued.kept(), issued.code(), NOW, 5).outcome());
        }

        @Test
        void parallelWrongPostsGetNoMoreThanTheTries() throws Exception {
            List<CodeAttempts.Outcome> outcomes = race(20, wrong());
            assertEquals(5, outcomes.stream().filter(o -> o == CodeAttempts.Outcome.WRONG).count(), outcomes.toString());
            assertEquals(15, outcomes.stream().filter(o -> o == CodeAttempts.Outcome.DEAD).count());
        }

        @Test
        void triesBelongToTheCodeNotToTheCaller() {
            attempts.verify(issued.kept(), wrong(), NOW, 5);
            // another login, another node: a new CodeAttempts over the same store sees the spent try
            CodeAttempts.Result result = new CodeAttempts(store).verify(issued.kept(), wrong(), NOW, 5);
            assertEquals(3, result.triesLeft());
        }
    }

    private List<CodeAttempts.Outcome> race(int posts, String typed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(posts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CodeAttempts.Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return attempts.verify(issued.kept(), typed, NOW, 5).outcome();
            }));
        }
        start.countDown();
        List<CodeAttempts.Outcome> outcomes = new ArrayList<>();
        for (Future<CodeAttempts.Outcome> future : futures) {
            outcomes.add(future.get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return outcomes;
    }
}
