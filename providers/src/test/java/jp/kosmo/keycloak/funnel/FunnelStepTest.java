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
    @DisplayName("the conditions read MemberFacts' flags; the facts read only the names, types and actions the steps need")
    void conditions() {
        assertEquals("m.LETTER = 1", FunnelStep.LETTER_ISSUED.passed());
        assertEquals("(m.ENROLLED = 1 AND m.PASSWORD_CHANGE = 0)", FunnelStep.ONBOARDING_COMPLETE.passed());
        String facts = MemberFacts.sql(FunnelFilter.parse("r1", null, null, null, java.time.ZoneId.of("Asia/Tokyo")));
        assertTrue(facts.contains("a.NAME IN ('kosmoActivationExpiresAt', "), facts);
        assertTrue(facts.contains("c.TYPE IN ('webauthn-passwordless', 'otp', 'kosmo-email-otp')"), facts);
        assertTrue(facts.contains("r.REQUIRED_ACTION IN ('UPDATE_PASSWORD', 'kosmo-update-password')"), facts);
        assertTrue(facts.contains("a.VALUE = :" + MemberFacts.TERMS_VERSION_PARAMETER), facts);
        assertFalse(facts.contains("EXISTS"), "no look-up per member");
    }
}
