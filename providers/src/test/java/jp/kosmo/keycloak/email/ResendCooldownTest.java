package jp.kosmo.keycloak.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResendCooldownTest {

    private static final long SENT = 1_800_000_000L;

    @Test
    @DisplayName("no mail sent yet: a mail may go now")
    void nothingSent() {
        assertEquals(0, ResendCooldown.remainingSeconds(null, 60, SENT));
    }

    @ParameterizedTest(name = "sent at +0, cooldown {0} s, now +{1} -> wait {2} s")
    @CsvSource({
            "60, 0, 60",
            "60, 1, 59",
            "60, 59, 1",
            "60, 60, 0",
            "60, 3600, 0",
            "1, 0, 1",
            "1, 1, 0"})
    @DisplayName("counts down to zero and stays there")
    void countdown(int cooldown, long elapsed, long expected) {
        assertEquals(expected, ResendCooldown.remainingSeconds(SENT, cooldown, SENT + elapsed));
    }

    @Test
    @DisplayName("a clock that went back lengthens the wait by exactly that much")
    void clockBack() {
        assertEquals(70, ResendCooldown.remainingSeconds(SENT, 60, SENT - 10));
    }

    @Test
    @DisplayName("a cooldown lowered by an admin applies to a mail already sent")
    void lowered() {
        assertEquals(50, ResendCooldown.remainingSeconds(SENT, 60, SENT + 10));
        assertEquals(0, ResendCooldown.remainingSeconds(SENT, 5, SENT + 10));
    }
}
