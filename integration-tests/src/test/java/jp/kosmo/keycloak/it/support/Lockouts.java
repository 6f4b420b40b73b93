package jp.kosmo.keycloak.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.keycloak.representations.idm.UserRepresentation;

/**
 * A member's lockout as admins see it through the admin REST API: the brute-force status
 * ({@code GET /admin/realms/kosmo/attack-detection/brute-force/users/{id}}) and the user's {@code enabled} flag and
 * {@code disabledReason} attribute, which Keycloak sets on a permanent lockout.
 */
public final class Lockouts {

    /** The value of the user attribute {@code disabledReason} after a permanent lockout (Keycloak's constant). */
    public static final String PERMANENT_LOCKOUT = "permanentLockout";

    private final Members members;

    public Lockouts(Members members) {
        this.members = members;
    }

    /** The numbers of the attack-detection status. */
    public record Status(boolean locked, int failures, int temporaryLockouts, int secondFactorFailures) {

        static Status of(Map<String, Object> raw) {
            return new Status(Boolean.TRUE.equals(raw.get("disabled")), number(raw, "numFailures"),
                    number(raw, "numTemporaryLockouts"), number(raw, "numSecondaryAuthFailures"));
        }

        private static int number(Map<String, Object> raw, String key) {
            Object value = raw.get(key);
            return value == null ? 0 : ((Number) value).intValue();
        }
    }

    public Status status(String username) {
        return Status.of(members.bruteForceStatus(username));
    }

    /** Waits until the detector has counted {@code failures} failed logins (it counts on its own executor). */
    public Status awaitFailures(String username, int failures) {
        return Status.of(members.awaitBruteForceStatus(username, s -> Status.of(s).failures() == failures));
    }

    /** Waits until a temporary lockout is over (the test realm's short wait increment), polling the admin API. */
    public Status awaitUnlocked(String username) {
        return Status.of(members.awaitBruteForceStatus(username, s -> !Status.of(s).locked()));
    }

    /**
     * Waits until Keycloak has disabled the member (the permanent lockout is written by the same background job
     * that counts the failure); returns whether the member is disabled.
     */
    public boolean awaitDisabled(String username) {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (enabled(username) && Instant.now().isBefore(until)) {
            Members.sleep(200);
        }
        return !enabled(username);
    }

    public boolean enabled(String username) {
        return Boolean.TRUE.equals(members.find(username).isEnabled());
    }

    public String disabledReason(String username) {
        return members.attribute(username, "disabledReason");
    }

    /** What the admin console's 「有効」/Enabled switch does: PUT the user with enabled = true. */
    public void enable(String username) {
        members.update(username, (UserRepresentation user) -> user.setEnabled(true));
    }
}
