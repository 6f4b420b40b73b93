package jp.kosmo.keycloak.birthdate;

import static jp.kosmo.keycloak.birthdate.BirthdateConfigProperties.*;

import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;

/**
 * Typed view of a {@code kosmo-birthdate} execution's configuration. An execution without configuration
 * gets the defaults declared in {@link BirthdateConfigProperties}.
 */
public record BirthdateConfig(String attribute, boolean askEveryLogin, boolean allowMissing) {

    public static final BirthdateConfig DEFAULTS = of(Map.of());

    public static BirthdateConfig of(AuthenticatorConfigModel model) {
        return model == null || model.getConfig() == null ? DEFAULTS : of(model.getConfig());
    }

    static BirthdateConfig of(Map<String, String> config) {
        String attribute = valueOr(config, ATTRIBUTE, DEFAULT_ATTRIBUTE);
        boolean everyLogin = ASK_EVERY_LOGIN.equals(valueOr(config, ASK, DEFAULT_ASK));
        boolean allowMissing = MISSING_ALLOW.equals(valueOr(config, MISSING, DEFAULT_MISSING));
        return new BirthdateConfig(attribute, everyLogin, allowMissing);
    }

    private static String valueOr(Map<String, String> config, String name, String fallback) {
        String value = config.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
