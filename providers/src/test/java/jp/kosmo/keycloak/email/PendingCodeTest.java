package jp.kosmo.keycloak.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PendingCodeTest {

    private static final String SALT = "c2FsdHNhbHRzYWx0c2FsdA==";
    private static final long NOW = 1_800_000_000L;

    @Test
    @DisplayName("a fresh code: no failures, expires after its lifetime, matches only itself")
    void issue() {
        PendingCode code = PendingCode.issue("111222", SALT, NOW, 600);
        assertEquals(0, code.failures());
        assertEquals(NOW + 600, code.expiresAt());
        assertTrue(code.matches("111222"));
        assertFalse(code.matches("111223"));
    }

    @Test
    @DisplayName("expired from the last second of its lifetime on")
    void expiry() {
        PendingCode code = PendingCode.issue("111222", SALT, NOW, 600);
        assertFalse(code.isExpired(NOW));
        assertFalse(code.isExpired(NOW + 599));
        assertTrue(code.isExpired(NOW + 600));
    }

    @Test
    @DisplayName("five wrong tries kill it; the count never goes down")
    void exhaustion() {
        PendingCode code = PendingCode.issue("111222", SALT, NOW, 600);
        for (int i = 1; i <= 4; i++) {
            code = code.withFailure();
            assertFalse(code.isExhausted(5));
            assertEquals(5 - i, code.attemptsLeft(5));
        }
        code = code.withFailure();
        assertTrue(code.isExhausted(5));
        assertEquals(0, code.attemptsLeft(5));
        assertTrue(code.matches("111222"), "still the same code: the caller refuses it because it is exhausted");
        assertEquals(0, code.withFailure().attemptsLeft(5));
    }
}
