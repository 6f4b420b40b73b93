package jp.kosmo.keycloak.birthdate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class BirthdateConfigTest {

    @Test
    @DisplayName("no configuration: attribute birthdate, ask until passed, block members without a birthdate")
    void defaults() {
        BirthdateConfig config = BirthdateConfig.of((AuthenticatorConfigModel) null);
        assertEquals("birthdate", config.attribute());
        assertFalse(config.askEveryLogin());
        assertFalse(config.allowMissing());
    }

    @Test
    @DisplayName("blank values fall back to the declared defaults")
    void blanks() {
        assertEquals(BirthdateConfig.DEFAULTS, BirthdateConfig.of(Map.of(
                BirthdateConfigProperties.ATTRIBUTE, " ", BirthdateConfigProperties.ASK, "")));
    }

    @Test
    @DisplayName("reads every setting")
    void reads() {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(Map.of(
                BirthdateConfigProperties.ATTRIBUTE, "dob",
                BirthdateConfigProperties.ASK, BirthdateConfigProperties.ASK_EVERY_LOGIN,
                BirthdateConfigProperties.MISSING, BirthdateConfigProperties.MISSING_ALLOW));
        BirthdateConfig config = BirthdateConfig.of(model);
        assertEquals("dob", config.attribute());
        assertTrue(config.askEveryLogin());
        assertTrue(config.allowMissing());
    }

    @Test
    @DisplayName("the defaults shown in the admin console are the ones applied")
    void consoleDefaultsMatch() {
        Map<String, Object> shown = new java.util.HashMap<>();
        BirthdateConfigProperties.CONFIG_PROPERTIES.forEach(p -> shown.put(p.getName(), p.getDefaultValue()));
        Map<String, String> asStrings = new java.util.HashMap<>();
        shown.forEach((k, v) -> asStrings.put(k, String.valueOf(v)));
        assertEquals(BirthdateConfig.DEFAULTS, BirthdateConfig.of(asStrings));
    }
}
