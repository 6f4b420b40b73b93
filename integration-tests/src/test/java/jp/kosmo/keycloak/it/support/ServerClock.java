package jp.kosmo.keycloak.it.support;

import java.time.Duration;

import org.keycloak.common.util.Time;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;

/**
 * The server's clock as the tests move it: the test framework's time offset ({@code @InjectTimeOffSet}
 * with {@code enableForCaches}), which shifts {@link Time} on the server (our providers read it through
 * {@code KeycloakClock}, Keycloak's brute-force detector too) and Infinispan's clock (so entries of
 * the single-use store expire by it), and {@link Time} in this JVM alike. Tests wait out a code's lifetime, a resend
 * cooldown or Keycloak's quick-login check by moving this clock instead of sleeping; the framework sets the offset
 * back to 0 after each test. Keycloak's TOTP check reads the wall clock instead ({@code TimeBasedOTP}), so app codes
 * come from {@link Totp} and are never waited for: the realm accepts the periods next to the current one.
 */
public final class ServerClock {

    /** Keycloak's quick-login check: two failures less than 1 s apart count as one quick login. */
    private static final int QUICK_LOGIN_SECONDS = 1;

    private final TimeOffSet offset;

    public ServerClock(TimeOffSet offset) {
        this.offset = offset;
    }

    /** The server's time in epoch seconds (this JVM's {@link Time} carries the same offset). */
    public long now() {
        return Time.currentTime();
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the server clock only moves forward in tests: " + by);
        }
        offset.set(offset.get() + Math.toIntExact(by.toSeconds()));
    }

    public void advanceSeconds(int seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    /** The next wrong try counts on its own: later than Keycloak's quick-login check after the last one. */
    public void pastQuickLoginCheck() {
        advanceSeconds(QUICK_LOGIN_SECONDS + 1);
    }

}
