package jp.kosmo.keycloak.emailotp;

import static jp.kosmo.keycloak.emailotp.EmailOtpConfigProperties.*;

import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;

/** Typed view of a {@code kosmo-email-otp} execution's configuration, bounded to safe values. */
public record EmailOtpConfig(int lifetimeSeconds, int cooldownSeconds, int maxSends, int maxTries) {

    public static final EmailOtpConfig DEFAULTS = of(Map.of());

    public static EmailOtpConfig of(AuthenticatorConfigModel model) {
        return model == null || model.getConfig() == null ? DEFAULTS : of(model.getConfig());
    }

    static EmailOtpConfig of(Map<String, String> config) {
        return new EmailOtpConfig(
                bounded(config, LIFETIME, DEFAULT_LIFETIME, 30, MAX_LIFETIME),
                bounded(config, COOLDOWN, DEFAULT_COOLDOWN, 0, 3600),
                bounded(config, MAX_SENDS, DEFAULT_MAX_SENDS, 1, 20),
                bounded(config, MAX_TRIES, DEFAULT_MAX_TRIES, 1, 10));
    }

    private static int bounded(Map<String, String> config, String name, int fallback, int min, int max) {
        String value = config.get(name);
        int parsed;
        try {
            parsed = value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            parsed = fallback;
        }
        return Math.max(min, Math.min(max, parsed));
    }
}
