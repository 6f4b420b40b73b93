package jp.kosmo.keycloak.onboarding;

import static jp.kosmo.keycloak.onboarding.OnboardingStep.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OnboardingPlanTest {

    private static final Set<String> FIRST_LOGIN = Set.of(RequiredActionIds.TERMS, RequiredActionIds.VERIFIED_EMAIL,
            RequiredActionIds.AUTH_METHOD, RequiredActionIds.UPDATE_PASSWORD);

    @Nested
    @DisplayName("a member from the letter")
    class FirstLogin {

        @Test
        @DisplayName("sees all seven pages in the manual's order when the method is enrolled at once")
        void everything() {
            assertEquals(List.of(BIRTHDATE, TERMS, EMAIL, METHOD, ENROL, PASSWORD, COMPLETE),
                    OnboardingPlan.of(true, FIRST_LOGIN, true).steps());
        }

        @Test
        @DisplayName("has no enrolment page when it waits for the next login")
        void nextLogin() {
            assertEquals(List.of(BIRTHDATE, TERMS, EMAIL, METHOD, PASSWORD, COMPLETE),
                    OnboardingPlan.of(true, FIRST_LOGIN, false).steps());
        }

        @Test
        @DisplayName("counts only the pages they will see: step 3 of 6 after choosing email codes")
        void positions() {
            OnboardingPlan plan = OnboardingPlan.of(true, FIRST_LOGIN, true).without(ENROL);
            assertEquals("3/6", plan.position(EMAIL).orElseThrow().toString());
            assertEquals("5/6", plan.position(PASSWORD).orElseThrow().toString());
            assertTrue(plan.position(ENROL).isEmpty());
        }
    }

    @Nested
    @DisplayName("outside an onboarding")
    class Alone {

        @Test
        @DisplayName("a lone password change or birthdate check shows no step")
        void lonePages() {
            assertTrue(OnboardingPlan.of(false, Set.of(RequiredActionIds.UPDATE_PASSWORD), true).position(PASSWORD).isEmpty());
            assertTrue(OnboardingPlan.of(true, Set.of(), true).position(BIRTHDATE).isEmpty());
        }

        @Test
        @DisplayName("the enrolment at the next login is step 1 of 1")
        void enrolmentAtNextLogin() {
            OnboardingPlan plan = OnboardingPlan.of(false, Set.of(RequiredActionIds.CONFIGURE_TOTP), true);
            assertEquals("1/1", plan.position(ENROL).orElseThrow().toString());
        }
    }

    @Test
    @DisplayName("survives the round trip through the session note, ignoring unknown names")
    void encoding() {
        OnboardingPlan plan = OnboardingPlan.of(true, FIRST_LOGIN, true);
        assertEquals(plan.steps(), OnboardingPlan.decode(plan.encode()).steps());
        assertEquals(List.of(TERMS), OnboardingPlan.decode("TERMS,SOMETHING_ELSE").steps());
        assertEquals(List.of(), OnboardingPlan.decode(null).steps());
    }
}
