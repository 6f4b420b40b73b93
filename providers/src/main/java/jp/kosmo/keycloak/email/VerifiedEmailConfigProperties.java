package jp.kosmo.keycloak.email;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The settings of the required action {@code kosmo-verified-email} as the admin console shows them
 * (Authentication → Required actions → gear icon). Names and defaults live here and only here, the bounds in
 * {@link jp.kosmo.keycloak.code.CodeBounds} (shared with the email codes of the login); {@link VerifiedEmailConfig}
 * reads them. Labels and help texts are message keys, translated by the admin console
 * from {@code theme-resources/messages} of this jar (ja, en). Numbers are string properties, as in Keycloak's own
 * required actions (the admin console's number input for required actions is a text field).
 */
public final class VerifiedEmailConfigProperties {

    public static final String RESEND_COOLDOWN = "kosmo.verified-email.resend-cooldown-seconds";
    public static final int DEFAULT_RESEND_COOLDOWN_SECONDS = 60;

    public static final String CODE_LIFETIME = "kosmo.verified-email.code-lifetime-minutes";
    /** The longest the design allows (5 minutes). */
    public static final int DEFAULT_CODE_LIFETIME_MINUTES = 5;

    public static final String MAX_ATTEMPTS = "kosmo.verified-email.max-code-attempts";
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    public static final String MAX_MAILS_PER_HOUR = "kosmo.verified-email.max-mails-per-hour";
    public static final int DEFAULT_MAX_MAILS_PER_HOUR = 5;

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
