package jp.kosmo.keycloak.email;

import java.util.Map;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;

/**
 * When the last verification mail went to a member, kept per member in Keycloak's cluster-wide single-use store,
 * so that neither a new login nor a second tab starts the cooldown over. The time is kept rather than an expiry, so
 * a changed cooldown applies at once to mails already sent.
 */
final class ResendCooldownStore {

    private static final String KEY_PREFIX = "kosmo-verified-email-sent.";
    private static final String SENT_AT = "sentAt";

    private final SingleUseObjectProvider store;

    ResendCooldownStore(KeycloakSession session) {
        this.store = session.singleUseObjects();
    }

    /** When the last mail went to this member, or null when none did within the longest possible cooldown. */
    Long lastSentAt(UserModel user) {
        Map<String, String> entry = store.get(key(user));
        String sentAt = entry == null ? null : entry.get(SENT_AT);
        try {
            return sentAt == null ? null : Long.valueOf(sentAt);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Seconds this member still has to wait before another mail, with the cooldown configured now; 0 when none. */
    long remainingSeconds(UserModel user, int cooldownSeconds) {
        return ResendCooldown.remainingSeconds(lastSentAt(user), cooldownSeconds, Time.currentTime());
    }

    void sent(UserModel user, long now) {
        store.put(key(user), VerifiedEmailConfigProperties.MAX_RESEND_COOLDOWN_SECONDS, Map.of(SENT_AT, Long.toString(now)));
    }

    private static String key(UserModel user) {
        return KEY_PREFIX + user.getId();
    }
}
