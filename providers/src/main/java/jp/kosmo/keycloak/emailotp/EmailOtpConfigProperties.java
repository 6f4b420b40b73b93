package jp.kosmo.keycloak.emailotp;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Settings of {@code kosmo-email-otp} in the admin console; names and defaults live only here, the bounds in
 * {@link jp.kosmo.keycloak.code.CodeBounds} (shared with the email gate).
 */
public final class EmailOtpConfigProperties {

    public static final String LIFETIME = "kosmo.email-otp.lifetime-seconds";
    public static final int DEFAULT_LIFETIME = 300;

    public static final String COOLDOWN = "kosmo.email-otp.resend-cooldown-seconds";
    public static final int DEFAULT_COOLDOWN = 60;

    public static final String MAX_SENDS = "kosmo.email-otp.max-sends";
    public static final int DEFAULT_MAX_SENDS = 5;

    public static final String MAX_TRIES = "kosmo.email-otp.max-tries";
    public static final int DEFAULT_MAX_TRIES = 5;

    public static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(LIFETIME).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("kosmoAdminEmailOtpLifetime").helpText("kosmoAdminEmailOtpLifetimeHelp")
                .defaultValue(DEFAULT_LIFETIME).add()
            .property().name(COOLDOWN).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("kosmoAdminEmailOtpCooldown").helpText("kosmoAdminEmailOtpCooldownHelp")
                .defaultValue(DEFAULT_COOLDOWN).add()
            .property().name(MAX_SENDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("kosmoAdminEmailOtpMaxSends").helpText("kosmoAdminEmailOtpMaxSendsHelp")
                .defaultValue(DEFAULT_MAX_SENDS).add()
            .property().name(MAX_TRIES).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("kosmoAdminEmailOtpMaxTries").helpText("kosmoAdminEmailOtpMaxTriesHelp")
                .defaultValue(DEFAULT_MAX_TRIES).add()
            .build();

    private EmailOtpConfigProperties() {
    }
}
