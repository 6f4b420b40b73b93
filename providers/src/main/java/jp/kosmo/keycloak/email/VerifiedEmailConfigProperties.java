package jp.kosmo.keycloak.email;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The settings of the required action {@code kosmo-verified-email} as the admin console shows them
 * (Authentication → Required actions → gear icon). Names, defaults and bounds live here and only here;
 * {@link VerifiedEmailConfig} reads them. Labels and help texts are message keys, translated by the admin console
 * from {@code theme-resources/messages} of this jar (ja, en). Numbers are string properties, as in Keycloak's own
 * required actions (the admin console's number input for required actions is a text field).
 */
public final class VerifiedEmailConfigProperties {

    public static final String RESEND_COOLDOWN = "kosmo.verified-email.resend-cooldown-seconds";
    public static final int DEFAULT_RESEND_COOLDOWN_SECONDS = 60;
    public static final int MIN_RESEND_COOLDOWN_SECONDS = 1;
    public static final int MAX_RESEND_COOLDOWN_SECONDS = 3600;

    public static final String CODE_LIFETIME = "kosmo.verified-email.code-lifetime-minutes";
    public static final int DEFAULT_CODE_LIFETIME_MINUTES = 10;
    public static final int MIN_CODE_LIFETIME_MINUTES = 1;
    /** A code by mail lives at most 10 minutes (design: security decisions). */
    public static final int MAX_CODE_LIFETIME_MINUTES = 10;

    public static final String MAX_ATTEMPTS = "kosmo.verified-email.max-code-attempts";
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final int MIN_MAX_ATTEMPTS = 1;
    /** At most 5 wrong tries per code (design: security decisions). */
    public static final int MAX_MAX_ATTEMPTS = 5;

    public static final String MAX_MAILS_PER_HOUR = "kosmo.verified-email.max-mails-per-hour";
    public static final int DEFAULT_MAX_MAILS_PER_HOUR = 5;
    public static final int MIN_MAX_MAILS_PER_HOUR = 1;
    public static final int MAX_MAX_MAILS_PER_HOUR = 20;

    public static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
                .name(RESEND_COOLDOWN)
                .type(ProviderConfigProperty.STRING_TYPE)
                .label("kosmoAdminVerifiedEmailCooldown")
                .helpText("kosmoAdminVerifiedEmailCooldownHelp")
                .defaultValue(String.valueOf(DEFAULT_RESEND_COOLDOWN_SECONDS))
                .add()
            .property()
                .name(CODE_LIFETIME)
                .type(ProviderConfigProperty.STRING_TYPE)
                .label("kosmoAdminVerifiedEmailCodeLifetime")
                .helpText("kosmoAdminVerifiedEmailCodeLifetimeHelp")
                .defaultValue(String.valueOf(DEFAULT_CODE_LIFETIME_MINUTES))
                .add()
            .property()
                .name(MAX_ATTEMPTS)
                .type(ProviderConfigProperty.STRING_TYPE)
                .label("kosmoAdminVerifiedEmailMaxAttempts")
                .helpText("kosmoAdminVerifiedEmailMaxAttemptsHelp")
                .defaultValue(String.valueOf(DEFAULT_MAX_ATTEMPTS))
                .add()
            .property()
                .name(MAX_MAILS_PER_HOUR)
                .type(ProviderConfigProperty.STRING_TYPE)
                .label("kosmoAdminVerifiedEmailMaxMailsPerHour")
                .helpText("kosmoAdminVerifiedEmailMaxMailsPerHourHelp")
                .defaultValue(String.valueOf(DEFAULT_MAX_MAILS_PER_HOUR))
                .add()
            .build();

    private VerifiedEmailConfigProperties() {
    }
}
