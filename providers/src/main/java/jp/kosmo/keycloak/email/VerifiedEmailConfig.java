package jp.kosmo.keycloak.email;

import static jp.kosmo.keycloak.email.VerifiedEmailConfigProperties.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.models.RequiredActionConfigModel;

/**
 * Typed view of the {@code kosmo-verified-email} configuration. Missing or unusable values fall back to the
 * defaults of {@link VerifiedEmailConfigProperties}; the admin API refuses them up front ({@link #problems(Map)}).
 */
public record VerifiedEmailConfig(int resendCooldownSeconds, int codeLifetimeMinutes, int maxCodeAttempts,
                                  int maxMailsPerHour) {

    public static final VerifiedEmailConfig DEFAULTS = of(Map.of());

    /** One refused setting: the property name and the admin-console message key with its parameters. */
    public record Problem(String property, String messageKey, Object... parameters) {
    }

    public static VerifiedEmailConfig of(RequiredActionConfigModel model) {
        return model == null || model.getConfig() == null ? DEFAULTS : of(model.getConfig());
    }

    static VerifiedEmailConfig of(Map<String, String> config) {
        return new VerifiedEmailConfig(
                intOr(config, RESEND_COOLDOWN, DEFAULT_RESEND_COOLDOWN_SECONDS, MIN_RESEND_COOLDOWN_SECONDS, MAX_RESEND_COOLDOWN_SECONDS),
                intOr(config, CODE_LIFETIME, DEFAULT_CODE_LIFETIME_MINUTES, MIN_CODE_LIFETIME_MINUTES, MAX_CODE_LIFETIME_MINUTES),
                intOr(config, MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS, MIN_MAX_ATTEMPTS, MAX_MAX_ATTEMPTS),
                intOr(config, MAX_MAILS_PER_HOUR, DEFAULT_MAX_MAILS_PER_HOUR, MIN_MAX_MAILS_PER_HOUR, MAX_MAX_MAILS_PER_HOUR));
    }

    public int codeLifetimeSeconds() {
        return codeLifetimeMinutes * 60;
    }

    /** Why the admin's settings cannot be stored; empty when they can. Blank values mean "the default". */
    public static List<Problem> problems(Map<String, String> config) {
        List<Problem> problems = new ArrayList<>();
        check(config, RESEND_COOLDOWN, MIN_RESEND_COOLDOWN_SECONDS, MAX_RESEND_COOLDOWN_SECONDS, problems);
        check(config, CODE_LIFETIME, MIN_CODE_LIFETIME_MINUTES, MAX_CODE_LIFETIME_MINUTES, problems);
        check(config, MAX_ATTEMPTS, MIN_MAX_ATTEMPTS, MAX_MAX_ATTEMPTS, problems);
        check(config, MAX_MAILS_PER_HOUR, MIN_MAX_MAILS_PER_HOUR, MAX_MAX_MAILS_PER_HOUR, problems);
        return problems;
    }

    private static void check(Map<String, String> config, String name, int min, int max, List<Problem> problems) {
        String value = config == null ? null : config.get(name);
        if (value == null || value.isBlank()) {
            return;
        }
        Integer parsed = parse(value);
        if (parsed == null) {
            problems.add(new Problem(name, "error-invalid-value"));
        } else if (parsed < min || parsed > max) {
            problems.add(new Problem(name, "error-number-out-of-range", min, max));
        }
    }

    private static int intOr(Map<String, String> config, String name, int fallback, int min, int max) {
        String value = config.get(name);
        Integer parsed = value == null ? null : parse(value);
        return parsed == null || parsed < min || parsed > max ? fallback : parsed;
    }

    private static Integer parse(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
