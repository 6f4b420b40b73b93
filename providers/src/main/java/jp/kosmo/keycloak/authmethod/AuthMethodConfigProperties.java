package jp.kosmo.keycloak.authmethod;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Settings of the required action {@code kosmo-auth-method}; names and defaults live only here. */
public final class AuthMethodConfigProperties {

    /** Offered methods in the order shown, comma separated ids (passkey, app-otp, email-otp). */
    public static final String METHODS = "kosmo.auth-method.methods";
    public static final String DEFAULT_METHODS = "passkey,app-otp,email-otp";

    /** "now": enrol in the same sitting; "next-login": the manual's 【11】 log out and enrol next time. */
    public static final String ENROLMENT = "kosmo.auth-method.enrolment";
    public static final String ENROL_NOW = "now";
    public static final String ENROL_NEXT_LOGIN = "next-login";
    public static final String DEFAULT_ENROLMENT = ENROL_NOW;

    public static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(METHODS).type(ProviderConfigProperty.STRING_TYPE)
                .label("kosmoAdminAuthMethodMethods").helpText("kosmoAdminAuthMethodMethodsHelp")
                .defaultValue(DEFAULT_METHODS).add()
            .property().name(ENROLMENT).type(ProviderConfigProperty.LIST_TYPE)
                .label("kosmoAdminAuthMethodEnrolment").helpText("kosmoAdminAuthMethodEnrolmentHelp")
                .options(ENROL_NOW, ENROL_NEXT_LOGIN).defaultValue(DEFAULT_ENROLMENT).add()
            .build();

    private AuthMethodConfigProperties() {
    }
}
