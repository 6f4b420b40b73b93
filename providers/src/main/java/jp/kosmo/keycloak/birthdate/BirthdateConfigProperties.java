package jp.kosmo.keycloak.birthdate;

import java.util.List;

import jp.kosmo.keycloak.onboarding.MemberAttributes;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The settings of {@code kosmo-birthdate} as the admin console shows them. Names and defaults live here and
 * only here; {@link BirthdateConfig} reads them. Labels and help texts are message keys, translated by the
 * admin console from {@code theme-resources/messages} of this jar (ja, en).
 */
public final class BirthdateConfigProperties {

    public static final String ATTRIBUTE = "kosmo.birthdate.attribute";
    public static final String DEFAULT_ATTRIBUTE = MemberAttributes.BIRTHDATE;

    public static final String ASK = "kosmo.birthdate.ask";
    public static final String ASK_UNTIL_PASSED = "until-passed";
    public static final String ASK_EVERY_LOGIN = "every-login";
    public static final String DEFAULT_ASK = ASK_UNTIL_PASSED;

    public static final String MISSING = "kosmo.birthdate.missing";
    public static final String MISSING_BLOCK = "block";
    public static final String MISSING_ALLOW = "allow";
    public static final String DEFAULT_MISSING = MISSING_BLOCK;

    public static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
                .name(ATTRIBUTE)
                .type(ProviderConfigProperty.STRING_TYPE)
                .label("kosmoAdminBirthdateAttribute")
                .helpText("kosmoAdminBirthdateAttributeHelp")
                .defaultValue(DEFAULT_ATTRIBUTE)
                .required(true)
                .add()
            .property()
                .name(ASK)
                .type(ProviderConfigProperty.LIST_TYPE)
                .label("kosmoAdminBirthdateAsk")
                .helpText("kosmoAdminBirthdateAskHelp")
                .options(ASK_UNTIL_PASSED, ASK_EVERY_LOGIN)
                .defaultValue(DEFAULT_ASK)
                .required(true)
                .add()
            .property()
                .name(MISSING)
                .type(ProviderConfigProperty.LIST_TYPE)
                .label("kosmoAdminBirthdateMissing")
                .helpText("kosmoAdminBirthdateMissingHelp")
                .options(MISSING_BLOCK, MISSING_ALLOW)
                .defaultValue(DEFAULT_MISSING)
                .required(true)
                .add()
            .build();

    private BirthdateConfigProperties() {
    }
}
