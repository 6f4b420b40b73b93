package jp.kosmo.keycloak.forgotuserid;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The forgot-user-ID settings as the admin console shows them on the login form's execution
 * ({@code kosmo-login-form}, gear icon in the browser flow). Names and defaults live here and only here;
 * {@link ForgotUserIdConfig} reads them. Labels and help texts are message keys of this jar's
 * {@code theme-resources/messages} (ja, en).
 */
public final class ForgotUserIdConfigProperties {

    public static final String ENABLED = "kosmo.forgot-user-id.enabled";
    public static final String DEFAULT_ENABLED = "false";

    public static final String BIRTHDATE_REQUIRED = "kosmo.forgot-user-id.birthdate-required";
    public static final String DEFAULT_BIRTHDATE_REQUIRED = "true";

    public static final String PER_ADDRESS_PER_HOUR = "kosmo.forgot-user-id.per-address-per-hour";
    public static final int DEFAULT_PER_ADDRESS_PER_HOUR = 5;

    public static final String PER_IP_PER_HOUR = "kosmo.forgot-user-id.per-ip-per-hour";
    public static final int DEFAULT_PER_IP_PER_HOUR = 20;

    /** Larger limits are cut to this: a limit is a number of slots a request may have to look at. */
    public static final int MAX_PER_HOUR = 10_000;

    public static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
                .name(ENABLED)
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("kosmoAdminForgotUserIdEnabled")
                .helpText("kosmoAdminForgotUserIdEnabledHelp")
                .defaultValue(DEFAULT_ENABLED)
                .add()
            .property()
                .name(BIRTHDATE_REQUIRED)
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .label("kosmoAdminForgotUserIdBirthdate")
                .helpText("kosmoAdminForgotUserIdBirthdateHelp")
                .defaultValue(DEFAULT_BIRTHDATE_REQUIRED)
                .add()
            .property()
                .name(PER_ADDRESS_PER_HOUR)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("kosmoAdminForgotUserIdPerAddress")
                .helpText("kosmoAdminForgotUserIdPerAddressHelp")
                .defaultValue(DEFAULT_PER_ADDRESS_PER_HOUR)
                .add()
            .property()
                .name(PER_IP_PER_HOUR)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("kosmoAdminForgotUserIdPerIp")
                .helpText("kosmoAdminForgotUserIdPerIpHelp")
                .defaultValue(DEFAULT_PER_IP_PER_HOUR)
                .add()
            .build();

    private ForgotUserIdConfigProperties() {
    }
}
