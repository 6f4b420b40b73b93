package jp.kosmo.keycloak.email;

import static jp.kosmo.keycloak.email.VerifiedEmailConfigProperties.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.kosmo.keycloak.code.CodeBounds;
import org.keycloak.models.RequiredActionConfigModel;

/**
 * Typed view of the {@code kosmo-verified-email} configuration. Missing values, and values outside the
 * {@link CodeBounds}, fall back to the defaults of {@link VerifiedEmailConfigProperties}; the admin API refuses
 * them up front ({@link #problems(Map, CodeBounds)}).
 */
public record VerifiedEmailConfig(int resendCooldownSeconds, int codeLifetimeMinutes, int maxCodeAttempts,
                                  int maxMailsPerHour) {

    public static final VerifiedEmailConfig DEFAULTS = of(Map.of(), CodeBounds.DESIGN);

    /** One refused setting: the property name and the admin-console message key with its parameters. */
    public record Problem(String property, String messageKey, Object... parameters) {
    }

    public static VerifiedEmailConfig of(RequiredActionConfigModel model, CodeBounds bounds) {
        return model == null || model.getConfig() == null ? of(Map.of(), bounds) : of(model.getConfig(), bounds);
    }

    static VerifiedEmailConfig of(Map<String, String> config, CodeBounds bounds) {
        return new VerifiedEmailConfig(
                intOr(config, RESEND_COOLDOWN, DEFAULT_RESEND_COOLDOWN_SECONDS, bounds.cooldownSeconds()),
                intOr(config, CODE_LIFETIME, DEFAULT_CODE_LIFETIME_MINUTES, bounds.lifetimeMinutes()),
                intOr(config, MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS, bounds.tries()),
                intOr(config, MAX_MAILS_PER_HOUR, DEFAULT_MAX_MAILS_PER_HOUR, bounds.mailsPerHour()));
    }

    public int codeLifetimeSeconds() {
        return codeLifetimeMinutes * 60;
    }

    /** Why the admin's settings cannot be stored; empty when they can. Blank values mean "the default". */
    public static List<Problem> problems(Map<String, String> config, CodeBounds bounds) {
        List<Problem> problems = new ArrayList<>();
        check(config, RESEND_COOLDOWN, bounds.cooldownSeconds(), problems);
        check(config, CODE_LIFETIME, bounds.lifetimeMinutes(), problems);
        check(config, MAX_ATTEMPTS, bounds.tries(), problems);
        check(config, MAX_MAILS_PER_HOUR, bounds.mailsPerHour(), problems);
        return problems;
    }

    private static void check(Map<String, String> config, String name, CodeBounds.Range range, List<Problem> problems) {
        String value = config == null ? null : config.get(name);
        if (value == null || value.isBlank()) {
            return;
        }
        Integer parsed = parse(value);
        if (parsed == null) {
            problems.add(new Problem(name, "error-invalid-value"));
        } else if (!range.contains(parsed)) {
            problems.add(new Problem(name, "error-number-out-of-range", range.min(), range.max()));
        }
    }

    private static int intOr(Map<String, String> config, String name, int fallback, CodeBounds.Range range) {
        String value = config.get(name);
        Integer parsed = value == null ? null : parse(value);
        return parsed == null || !range.contains(parsed) ? fallback : parsed;
    }

    private static Integer parse(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
