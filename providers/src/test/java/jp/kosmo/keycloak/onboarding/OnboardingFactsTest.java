package jp.kosmo.keycloak.onboarding;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OnboardingFactsTest {

    @Nested
    @DisplayName("a temporary password")
    class TemporaryPassword {

        @Test
        @DisplayName("is Keycloak's UPDATE_PASSWORD request, on the member or on the login")
        void keycloaksRequest() {
            assertTrue(OnboardingFacts.requestsPasswordChange("UPDATE_PASSWORD"));
            assertTrue(OnboardingFacts.requestsPasswordChange(RequiredActionIds.UPDATE_PASSWORD));
        }

        @Test
        @DisplayName("is not any other pending action")
        void others() {
            assertFalse(OnboardingFacts.requestsPasswordChange(RequiredActionIds.CONFIGURE_TOTP));
            assertFalse(OnboardingFacts.requestsPasswordChange(RequiredActionIds.TERMS));
            assertFalse(OnboardingFacts.requestsPasswordChange("update_password"));
        }
    }
}
