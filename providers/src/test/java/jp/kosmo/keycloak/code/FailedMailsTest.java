package jp.kosmo.keycloak.code;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FailedMailsTest {

    private final MapCodeStore store = new MapCodeStore();
    private final FailedMails failed = new FailedMails(store);
    private final IssuedCode first = new IssuedCode("id-1", "hash", "salt", 100);
    private final IssuedCode second = new IssuedCode("id-2", "hash", "salt", 200);

    @Nested
    @DisplayName("which mail failed")
    class Which {
        @Test
        @DisplayName("only the mail of the failed code, of that member and kind")
        void onlyThatOne() {
            failed.markFailed("verify-email", "m1", first.id());
            assertTrue(failed.hasFailed("verify-email", "m1", first));
            assertFalse(failed.hasFailed("verify-email", "m1", second), "a later mail has another code");
            assertFalse(failed.hasFailed("verify-email", "m2", first), "another member");
            assertFalse(failed.hasFailed("login-code", "m1", first), "another kind");
        }

        @Test
        @DisplayName("no code, nothing failed")
        void noCode() {
            failed.markFailed("verify-email", "m1", first.id());
            assertFalse(failed.hasFailed("verify-email", "m1", null));
        }

        @Test
        @DisplayName("the latest failure replaces the one before")
        void latest() {
            failed.markFailed("verify-email", "m1", first.id());
            failed.markFailed("verify-email", "m1", second.id());
            assertTrue(failed.hasFailed("verify-email", "m1", second));
            assertFalse(failed.hasFailed("verify-email", "m1", first));
        }
    }

    @Nested
    @DisplayName("record")
    class Record {
        @Test
        @DisplayName("gives the member's allowance back: the next mail may go at once")
        void allowance() {
            MemberMailLimit limit = new MemberMailLimit(store);
            assertTrue(limit.tryReserve("verify-email", "m1", 1000, 60, 5).allowed());
            assertFalse(limit.check("verify-email", "m1", 1001, 60, 5).allowed());
            FailedMails.record(store, "verify-email", "m1", 1000, first.id());
            assertTrue(limit.check("verify-email", "m1", 1001, 60, 5).allowed());
            assertTrue(failed.hasFailed("verify-email", "m1", first));
        }
    }
}
