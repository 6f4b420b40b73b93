package jp.kosmo.keycloak.recovery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PhoneRecoveryConfigTest {

    @Test
    @DisplayName("the email fallback is on by default and with anything but false")
    void defaultOn() {
        assertTrue(PhoneRecoveryConfig.DEFAULTS.emailFallback());
        assertTrue(PhoneRecoveryConfig.of(Map.of(PhoneRecoveryConfig.EMAIL_FALLBACK, " ")).emailFallback());
        assertTrue(PhoneRecoveryConfig.of(Map.of(PhoneRecoveryConfig.EMAIL_FALLBACK, "true")).emailFallback());
        assertTrue(PhoneRecoveryConfig.of((org.keycloak.models.AuthenticatorConfigModel) null).emailFallback());
    }

    @Test
    @DisplayName("false switches it off")
    void off() {
        assertFalse(PhoneRecoveryConfig.of(Map.of(PhoneRecoveryConfig.EMAIL_FALLBACK, " FALSE ")).emailFallback());
    }
}
