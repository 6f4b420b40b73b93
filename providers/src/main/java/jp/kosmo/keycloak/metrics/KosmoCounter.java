package jp.kosmo.keycloak.metrics;

import java.util.List;

/**
 * Our counters: the Micrometer name (Prometheus shows it with {@code _} for {@code .} and a {@code _total} suffix,
 * e.g. {@code kosmo_onboarding_steps_total}), the help text and the tags besides {@code realm}, each with the enum
 * of its values ({@link Tags}). The admin guide lists them (section "Metrics").
 */
public enum KosmoCounter {

    ONBOARDING_STEPS("kosmo.onboarding.steps", "Onboarding steps completed by members",
            tag("step", Tags.Step.class)),
    SIGN_IN_METHODS_CHOSEN("kosmo.sign.in.methods.chosen", "Sign-in methods chosen at the chooser",
            tag("method", Tags.Method.class), tag("context", Tags.MethodContext.class)),
    MAILS("kosmo.mails", "Mails handed to the mail server, and refused by it",
            tag("mail", Tags.Mail.class), tag("outcome", Tags.MailOutcome.class)),
    WRONG_CODES("kosmo.wrong.codes", "Wrong one-time, verification and recovery codes typed",
            tag("code", Tags.Code.class)),
    WRONG_BIRTHDATES("kosmo.wrong.birthdates", "Wrong birthdates typed",
            tag("page", Tags.Page.class)),
    LOCKOUTS("kosmo.lockouts", "Lockouts started by the brute-force detector",
            tag("kind", Tags.Lockout.class)),
    FORGOT_USER_ID_REQUESTS("kosmo.forgot.user.id.requests", "Forgot-user-ID requests by outcome",
            tag("outcome", Tags.ForgotUserIdOutcome.class)),
    RECOVERIES("kosmo.recoveries", "Recoveries of the sign-in method (changed or lost phone, admin reset)",
            tag("by", Tags.RecoveredBy.class), tag("outcome", Tags.RecoveryOutcome.class));

    /** The tag every counter has: the realm's name. */
    public static final String REALM_TAG = "realm";

    /** One tag: its key and the enum of its values. */
    public record TagKey(String key, Class<? extends Enum<?>> values) {
    }

    private final String meterName;
    private final String description;
    private final List<TagKey> tags;

    KosmoCounter(String meterName, String description, TagKey... tags) {
        this.meterName = meterName;
        this.description = description;
        this.tags = List.of(tags);
    }

    private static TagKey tag(String key, Class<? extends Enum<?>> values) {
        return new TagKey(key, values);
    }

    /** The Micrometer name, e.g. {@code kosmo.onboarding.steps}. */
    public String meterName() {
        return meterName;
    }

    /** The name Prometheus shows, e.g. {@code kosmo_onboarding_steps_total}. */
    public String prometheusName() {
        return meterName.replace('.', '_') + "_total";
    }

    public String description() {
        return description;
    }

    /** The tags besides {@value #REALM_TAG}, in order. */
    public List<TagKey> tags() {
        return tags;
    }
}
