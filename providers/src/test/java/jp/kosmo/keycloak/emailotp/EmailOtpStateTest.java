package jp.kosmo.keycloak.emailotp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import jp.kosmo.keycloak.emailotp.EmailOtpState.Check;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmailOtpStateTest {

    private final Map<String, String> notes = new HashMap<>();
    private EmailOtpState state;

    @BeforeEach
    void setUp() {
        state = new EmailOtpState(new EmailOtpState.Notes() {
            public String get(String key) {
                return notes.get(key);
            }

            public void set(String key, String value) {
                notes.put(key, value);
            }

            public void remove(String key) {
                notes.remove(key);
            }
        });
    }

    @Test
    @DisplayName("a code works once, within its lifetime, and is never stored in clear")
    void singleUse() {
        String code = state.issue(1000, 300);
        assertFalse(notes.containsValue(code));
        assertEquals(Check.OK, state.verify(code, 1299, 5));
        assertEquals(Check.NO_CODE, state.verify(code, 1299, 5));
    }

    @Test
    @DisplayName("an expired code is refused")
    void expiry() {
        String code = state.issue(1000, 300);
        assertEquals(Check.EXPIRED, state.verify(code, 1300, 5));
    }

    @Test
    @DisplayName("five wrong tries kill the code; a resend brings a new code but never resets the total")
    void deadAfterFiveAndTotalKept() {
        String code = state.issue(1000, 300);
        for (int i = 0; i < 5; i++) {
            assertEquals(Check.WRONG, state.verify(wrong(code), 1001, 5));
        }
        assertTrue(state.isDead());
        assertEquals(Check.DEAD, state.verify(code, 1002, 5));
        assertEquals(5, state.totalFailures());

        String next = state.issue(1100, 300);
        assertEquals(2, state.sends());
        assertEquals(5, state.totalFailures());
        assertEquals(Check.WRONG, state.verify(wrong(next), 1101, 5));
        assertEquals(6, state.totalFailures());
        assertEquals(Check.OK, state.verify(next, 1102, 5));
    }

    @Test
    @DisplayName("a resend kills the previous code")
    void resendReplaces() {
        String first = state.issue(1000, 300);
        String second = state.issue(1060, 300);
        if (!first.equals(second)) {
            assertEquals(Check.WRONG, state.verify(first, 1061, 5));
        }
        assertEquals(Check.OK, state.verify(second, 1062, 5));
    }

    @Test
    @DisplayName("the cooldown counts from the last mail")
    void cooldown() {
        assertEquals(0, state.secondsUntilResend(1000, 60));
        state.issue(1000, 300);
        assertEquals(60, state.secondsUntilResend(1000, 60));
        assertEquals(15, state.secondsUntilResend(1045, 60));
        assertEquals(0, state.secondsUntilResend(1060, 60));
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
