package jp.kosmo.keycloak.forgotuserid;

import static jp.kosmo.keycloak.forgotuserid.ForgotUserIdConfigProperties.BIRTHDATE_REQUIRED;
import static jp.kosmo.keycloak.forgotuserid.ForgotUserIdConfigProperties.DEFAULT_BIRTHDATE_REQUIRED;
import static jp.kosmo.keycloak.forgotuserid.ForgotUserIdConfigProperties.DEFAULT_ENABLED;
import static jp.kosmo.keycloak.forgotuserid.ForgotUserIdConfigProperties.DEFAULT_PER_ADDRESS_PER_HOUR;
import static jp.kosmo.keycloak.forgotuserid.ForgotUserIdConfigProperties.DEFAULT_PER_IP_PER_HOUR;
import static jp.kosmo.keycloak.forgotuserid.ForgotUserIdConfigProperties.ENABLED;
import static jp.kosmo.keycloak.forgotuserid.ForgotUserIdConfigProperties.MAX_PER_HOUR;
import static jp.kosmo.keycloak.forgotuserid.ForgotUserIdConfigProperties.PER_ADDRESS_PER_HOUR;
import static jp.kosmo.keycloak.forgotuserid.ForgotUserIdConfigProperties.PER_IP_PER_HOUR;

import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;

/**
 * Typed view of the forgot-user-ID settings. The page is off unless an admin switched it on. A limit of 0 switches
 * that limit off; a value that is not a number gets the default.
 */
public record ForgotUserIdConfig(boolean enabled, boolean birthdateRequired, int perAddressPerHour, int perIpPerHour) {

    public static final ForgotUserIdConfig DEFAULTS = of(Map.of());

    public static ForgotUserIdConfig of(AuthenticatorConfigModel model) {
        return model == null || model.getConfig() == null ? DEFAULTS : of(model.getConfig());
    }

    static ForgotUserIdConfig of(Map<String, String> config) {
        return new ForgotUserIdConfig(
                Boolean.parseBoolean(valueOr(config, ENABLED, DEFAULT_ENABLED)),
                Boolean.parseBoolean(valueOr(config, BIRTHDATE_REQUIRED, DEFAULT_BIRTHDATE_REQUIRED)),
                limit(config, PER_ADDRESS_PER_HOUR, DEFAULT_PER_ADDRESS_PER_HOUR),
                limit(config, PER_IP_PER_HOUR, DEFAULT_PER_IP_PER_HOUR));
    }

    private static int limit(Map<String, String> config, String name, int fallback) {
        String value = valueOr(config, name, Integer.toString(fallback));
        try {
            return Math.max(0, Math.min(MAX_PER_HOUR, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String valueOr(Map<String, String> config, String name, String fallback) {
        String value = config.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
