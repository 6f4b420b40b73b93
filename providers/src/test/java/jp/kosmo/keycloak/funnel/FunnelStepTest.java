package jp.kosmo.keycloak.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FunnelStepTest {

    @Test
    @DisplayName("the steps in the manual's order, with stable ids")
    void order() {
        assertEquals(List.of("letter-issued", "signed-in", "birthdate-passed", "terms-accepted", "email-verified",
                "method-chosen", "onboarding-complete"), FunnelStep.ids());
        assertEquals(FunnelStep.TERMS_ACCEPTED, FunnelStep.byId("terms-accepted").orElseThrow());
        assertTrue(FunnelStep.byId("nope").isEmpty());
    }

    @Test
    @DisplayName("reached = this step and every one before; stuck = the one before reached, this one not")
    void cumulative() {
        String reached = FunnelStep.BIRTHDATE_PASSED.reached();
        assertTrue(reached.contains(FunnelStep.LETTER_ISSUED.passed()));
        assertTrue(reached.contains(FunnelStep.SIGNED_IN.passed()));
        assertTrue(reached.contains(FunnelStep.BIRTHDATE_PASSED.passed()));
        assertFalse(reached.contains(FunnelStep.TERMS_ACCEPTED.passed()));
        assertEquals("NOT " + FunnelStep.LETTER_ISSUED.passed(), FunnelStep.LETTER_ISSUED.stuck());
        assertEquals("(" + FunnelStep.SIGNED_IN.reached() + " AND NOT " + FunnelStep.BIRTHDATE_PASSED.passed() + ")",
                FunnelStep.BIRTHDATE_PASSED.stuck());
    }

    @Test
    @DisplayName("each condition looks members up by id in the indexed tables; only the terms version is a parameter")
    void conditions() {
        for (FunnelStep step : FunnelStep.values()) {
            String sql = step.passed();
            assertFalse(sql.contains("USER_ATTRIBUTE") && !sql.contains("a.USER_ID = u.ID"), sql);
            assertFalse(sql.contains("CREDENTIAL") && !sql.contains("c.USER_ID = u.ID"), sql);
            assertEquals(step == FunnelStep.TERMS_ACCEPTED, sql.contains(":" + FunnelStep.TERMS_VERSION_PARAMETER), sql);
        }
        assertTrue(FunnelStep.LETTER_ISSUED.passed().contains("'kosmoActivationExpiresAt'"));
        assertTrue(FunnelStep.METHOD_CHOSEN.passed().contains("'webauthn-passwordless', 'otp', 'kosmo-email-otp'"));
        assertTrue(FunnelStep.METHOD_CHOSEN.passed().contains("'kosmoAuthMethodPending'"));
        assertTrue(FunnelStep.ONBOARDING_COMPLETE.passed().contains("'UPDATE_PASSWORD', 'kosmo-update-password'"));
    }
}
