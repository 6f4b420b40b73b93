package jp.kosmo.keycloak.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MemberMailLimitTest {

    private static final long T0 = 2_000_000;
    private final MapCodeStore store = new MapCodeStore();
    private final MemberMailLimit limit = new MemberMailLimit(store);

    private MemberMailLimit.Allowance reserve(long now) {
        return limit.tryReserve("login-code", "member-1", now, 60, 5);
    }

    @Nested
    class Cooldown {
        @Test
        void secondMailWithinTheCooldownIsRefusedWithTheSecondsLeft() {
            assertTrue(reserve(T0).allowed());
            MemberMailLimit.Allowance refused = reserve(T0 + 20);
            assertEquals(MemberMailLimit.Reason.COOLDOWN, refused.refusedBecause());
            assertEquals(40, refused.waitSeconds());
            assertTrue(reserve(T0 + 60).allowed());
        }

        @Test
        void aMailThatCouldNotBeSentCountsNothing() {
            assertTrue(reserve(T0).allowed());
            limit.sendFailed("login-code", "member-1", T0);
            assertTrue(reserve(T0 + 1).allowed(), "no cooldown after a refused mail");
            assertEquals(MemberMailLimit.Reason.COOLDOWN, reserve(T0 + 2).refusedBecause(), "the sent one counts");
        }

        @Test
        void aUsedCodeLiftsTheCooldownButNotTheCap() {
            assertTrue(reserve(T0).allowed());
            limit.codeUsed("login-code", "member-1", T0 + 10);
            assertTrue(reserve(T0 + 11).allowed(), "the member signed in with the code: the next login may get one");
            assertEquals(MemberMailLimit.Reason.COOLDOWN, reserve(T0 + 12).refusedBecause());
            for (int i = 0; i < 3; i++) {
                limit.codeUsed("login-code", "member-1", T0 + 100 + i * 10);
                assertTrue(reserve(T0 + 101 + i * 10).allowed());
            }
            limit.codeUsed("login-code", "member-1", T0 + 200);
            assertEquals(MemberMailLimit.Reason.HOURLY_CAP, reserve(T0 + 201).refusedBecause());
        }

        @Test
        void checkReservesNothing() {
            assertTrue(limit.check("login-code", "member-1", T0, 60, 5).allowed());
            assertTrue(reserve(T0).allowed());
        }

        @Test
        void membersAndKindsAreCountedApart() {
            assertTrue(reserve(T0).allowed());
            assertTrue(limit.tryReserve("login-code", "member-2", T0, 60, 5).allowed());
            assertTrue(limit.tryReserve("verify-email", "member-1", T0, 60, 5).allowed());
        }
    }

    @Nested
    class HourlyCap {
        @Test
        void theSixthMailInAnHourWaitsForTheOldestToLeaveTheWindow() {
            for (int i = 0; i < 5; i++) {
                assertTrue(reserve(T0 + i * 60L).allowed(), "mail " + (i + 1));
            }
            MemberMailLimit.Allowance refused = reserve(T0 + 5 * 60L);
            assertEquals(MemberMailLimit.Reason.HOURLY_CAP, refused.refusedBecause());
            assertEquals(3600 - 300, refused.waitSeconds());
            assertFalse(reserve(T0 + 3599).allowed());
            assertTrue(reserve(T0 + 3600).allowed());
        }

        @Test
        void aNewLimitObjectSeesTheSameCount() {
            for (int i = 0; i < 5; i++) {
                new MemberMailLimit(store).tryReserve("login-code", "member-1", T0 + i * 60L, 60, 5);
            }
            assertEquals(MemberMailLimit.Reason.HOURLY_CAP, reserve(T0 + 400).refusedBecause());
        }

        @Test
        void parallelRequestsGetOneMail() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(10);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return reserve(T0).allowed();
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> future : futures) {
                allowed += future.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(1, allowed);
        }
    }
}
