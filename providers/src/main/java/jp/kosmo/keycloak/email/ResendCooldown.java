package jp.kosmo.keycloak.email;

/**
 * The arithmetic of the resend cooldown, in whole seconds of Keycloak's clock
 * ({@link org.keycloak.common.util.Time#currentTime()}).
 */
public final class ResendCooldown {

    private ResendCooldown() {
    }

    /**
     * Seconds the member still has to wait before another mail may be sent; 0 when a mail may go now.
     *
     * @param lastSentAt when the last mail was sent, or {@code null} when none was
     */
    public static long remainingSeconds(Long lastSentAt, int cooldownSeconds, long now) {
        if (lastSentAt == null) {
            return 0;
        }
        return Math.max(0, lastSentAt + cooldownSeconds - now);
    }
}
