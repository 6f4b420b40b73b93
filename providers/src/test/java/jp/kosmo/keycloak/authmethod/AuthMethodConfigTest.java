package jp.kosmo.keycloak.authmethod;

import static jp.kosmo.keycloak.authmethod.AuthMethod.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthMethodConfigTest {

    @Test
    @DisplayName("defaults: all three in the manual's order, enrolled at once")
    void defaults() {
        assertEquals(List.of(PASSKEY, APP_OTP, EMAIL_OTP), AuthMethodConfig.DEFAULTS.methods());
        assertTrue(AuthMethodConfig.DEFAULTS.enrolNow());
    }

    @Test
    @DisplayName("keeps the admin's order, drops unknown ids and duplicates")
    void order() {
        AuthMethodConfig config = AuthMethodConfig.of(Map.of(
                AuthMethodConfigProperties.METHODS, "email-otp, sms, passkey,email-otp",
                AuthMethodConfigProperties.ENROLMENT, "next-login"));
        assertEquals(List.of(EMAIL_OTP, PASSKEY), config.methods());
        assertFalse(config.enrolNow());
    }

    @Test
    @DisplayName("the multivalued form (##) the admin console may store is read too; nothing valid means defaults")
    void separators() {
        assertEquals(List.of(APP_OTP, PASSKEY),
                AuthMethodConfig.of(Map.of(AuthMethodConfigProperties.METHODS, "app-otp##passkey")).methods());
        assertEquals(AuthMethodConfig.DEFAULTS.methods(),
                AuthMethodConfig.of(Map.of(AuthMethodConfigProperties.METHODS, "nothing")).methods());
    }
}
