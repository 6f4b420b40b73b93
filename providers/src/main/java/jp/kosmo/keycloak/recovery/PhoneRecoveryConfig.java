package jp.kosmo.keycloak.recovery;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Typed view of a {@code kosmo-phone-recovery} execution's configuration.
 *
 * @param emailFallback a member without recovery codes may recover with a code mailed to the verified address plus
 *                      the birthdate (default on)
 */
public record PhoneRecoveryConfig(boolean emailFallback) {

    public static final String EMAIL_FALLBACK = "kosmo.recovery.email-fallback";
    public static final PhoneRecoveryConfig DEFAULTS = of(Map.of());

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(EMAIL_FALLBACK)
            .label("Email code + birthdate without recovery codes")
            .helpText("On: a member who has no recovery codes recovers with a one-time code mailed to the verified "
                    + "address plus the birthdate. Off: such a member is told to contact the union.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("true")
            .add()
            .build();

    public static PhoneRecoveryConfig of(AuthenticatorConfigModel model) {
        return model == null || model.getConfig() == null ? DEFAULTS : of(model.getConfig());
    }

    static PhoneRecoveryConfig of(Map<String, String> config) {
        String value = config.get(EMAIL_FALLBACK);
        return new PhoneRecoveryConfig(value == null || value.isBlank() || !"false".equalsIgnoreCase(value.trim()));
    }
}
