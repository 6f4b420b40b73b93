package jp.kosmo.keycloak.emailotp;

import static jp.kosmo.keycloak.emailotp.EmailOtpConfigProperties.*;

import java.util.Map;

import jp.kosmo.keycloak.code.CodeBounds;
import org.keycloak.models.AuthenticatorConfigModel;

/**
 * Typed view of a {@code kosmo-email-otp} execution's configuration, brought inside the {@link CodeBounds} (a value
 * outside them counts as the nearest bound, an unreadable one as the default).
 */
public record EmailOtpConfig(int lifetimeSeconds, int cooldownSeconds, int maxSends, int maxTries) {

    public static final EmailOtpConfig DEFAULTS = of(Map.of(), CodeBounds.DESIGN);

    public static EmailOtpConfig of(AuthenticatorConfigModel model, CodeBounds bounds) {
        return model == null || model.getConfig() == null ? of(Map.of(), bounds) : of(model.getConfig(), bounds);
    }

    static EmailOtpConfig of(Map<String, String> config, CodeBounds bounds) {
        return new EmailOtpConfig(
                bounded(config, LIFETIME, DEFAULT_LIFETIME, bounds.lifetimeSeconds()),
                bounded(config, COOLDOWN, DEFAULT_COOLDOWN, bounds.cooldownSeconds()),
                bounded(config, MAX_SENDS, DEFAULT_MAX_SENDS, bounds.mailsPerHour()),
                bounded(config, MAX_TRIES, DEFAULT_MAX_TRIES, bounds.tries()));
    }

    private static int bounded(Map<String, String> config, String name, int fallback, CodeBounds.Range range) {
        String value = config.get(name);
        int parsed;
        try {
            parsed = value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            parsed = fallback;
        }
        return range.clamp(parsed);
    }
}
