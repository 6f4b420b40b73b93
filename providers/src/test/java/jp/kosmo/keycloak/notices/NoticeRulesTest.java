package jp.kosmo.keycloak.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;

class NoticeRulesTest {

    private static final String OLD = "old.member@example.com";
    private static final String NEW = "new.member@example.org";

    private static Map<String, String> details(String... keyValues) {
        Map<String, String> details = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            details.put(keyValues[i], keyValues[i + 1]);
        }
        return details;
    }

    @Nested
    @DisplayName("SEND_VERIFY_EMAIL (a verification mail went out)")
    class ChangeRequested {

        @Test
        @DisplayName("to a new address while the member has a verified one: notice to the verified address, new one masked")
        void newAddress() {
            Optional<Notice> notice = NoticeRules.decide(EventType.SEND_VERIFY_EMAIL,
                    details(Details.EMAIL, NEW, Details.CUSTOM_REQUIRED_ACTION, "UPDATE_EMAIL"), OLD, true);
            assertEquals(Optional.of(new Notice(Notice.Kind.CHANGE_REQUESTED, OLD, "n***@example.org")), notice);
        }

        @Test
        @DisplayName("the member has no verified address (a first verification at the gate): nothing")
        void firstVerification() {
            assertTrue(NoticeRules.decide(EventType.SEND_VERIFY_EMAIL,
                    details(Details.EMAIL, NEW, Details.CUSTOM_REQUIRED_ACTION, "kosmo-verified-email"), OLD, false).isEmpty());
            assertTrue(NoticeRules.decide(EventType.SEND_VERIFY_EMAIL, details(Details.EMAIL, NEW), null, false).isEmpty());
        }

        @Test
        @DisplayName("to the verified address itself (in any letter case): nothing")
        void sameAddress() {
            assertTrue(NoticeRules.decide(EventType.SEND_VERIFY_EMAIL,
                    details(Details.EMAIL, OLD.toUpperCase()), OLD, true).isEmpty());
        }

        @Test
        @DisplayName("an event without the address: nothing")
        void noAddress() {
            assertTrue(NoticeRules.decide(EventType.SEND_VERIFY_EMAIL, details(), OLD, true).isEmpty());
            assertTrue(NoticeRules.decide(EventType.SEND_VERIFY_EMAIL, null, OLD, true).isEmpty());
        }
    }

    @Nested
    @DisplayName("UPDATE_EMAIL (the address was changed)")
    class Changed {

        @Test
        @DisplayName("by the confirmation link of Keycloak's update-email: notice to the previous address, new one masked")
        void confirmationLink() {
            Optional<Notice> notice = NoticeRules.decide(EventType.UPDATE_EMAIL, details(
                    Details.ACTION, "update-email", Details.PREVIOUS_EMAIL, OLD, Details.UPDATED_EMAIL, NEW), NEW, false);
            assertEquals(Optional.of(new Notice(Notice.Kind.ADDRESS_CHANGED, OLD, "n***@example.org")), notice);
        }

        @Test
        @DisplayName("by Keycloak's update-email action without verification: notice to the previous address")
        void actionWithoutVerification() {
            Optional<Notice> notice = NoticeRules.decide(EventType.UPDATE_EMAIL, details(
                    Details.CUSTOM_REQUIRED_ACTION, "UPDATE_EMAIL", Details.PREVIOUS_EMAIL, OLD, Details.UPDATED_EMAIL, NEW),
                    NEW, true);
            assertEquals(Notice.Kind.ADDRESS_CHANGED, notice.orElseThrow().kind());
            assertEquals(OLD, notice.orElseThrow().recipient());
        }

        @Test
        @DisplayName("by the gate kosmo-verified-email (an address never verified before): nothing")
        void gate() {
            assertTrue(NoticeRules.decide(EventType.UPDATE_EMAIL, details(Details.CUSTOM_REQUIRED_ACTION,
                    "kosmo-verified-email", Details.PREVIOUS_EMAIL, OLD, Details.UPDATED_EMAIL, NEW), NEW, false).isEmpty());
            assertTrue(NoticeRules.decide(EventType.UPDATE_EMAIL, details(Details.ACTION,
                    "kosmo-verify-email", Details.PREVIOUS_EMAIL, OLD, Details.UPDATED_EMAIL, NEW), NEW, true).isEmpty());
        }

        @Test
        @DisplayName("no previous address, or the same one again: nothing")
        void noPrevious() {
            assertTrue(NoticeRules.decide(EventType.UPDATE_EMAIL, details(
                    Details.ACTION, "update-email", Details.UPDATED_EMAIL, NEW), NEW, true).isEmpty());
            assertTrue(NoticeRules.decide(EventType.UPDATE_EMAIL, details(Details.CUSTOM_REQUIRED_ACTION, "UPDATE_EMAIL",
                    Details.PREVIOUS_EMAIL, OLD, Details.UPDATED_EMAIL, OLD.toUpperCase()), OLD, true).isEmpty());
        }
    }

    @Nested
    @DisplayName("any other event")
    class Others {

        @Test
        @DisplayName("VERIFY_EMAIL, UPDATE_PROFILE or an error event with the same details: nothing")
        void otherEvents() {
            Map<String, String> all = details(Details.EMAIL, NEW, Details.ACTION, "update-email",
                    Details.PREVIOUS_EMAIL, OLD, Details.UPDATED_EMAIL, NEW);
            assertTrue(NoticeRules.decide(EventType.VERIFY_EMAIL, all, OLD, true).isEmpty());
            assertTrue(NoticeRules.decide(EventType.UPDATE_PROFILE, all, OLD, true).isEmpty());
            assertTrue(NoticeRules.decide(EventType.SEND_VERIFY_EMAIL_ERROR, all, OLD, true).isEmpty());
            assertTrue(NoticeRules.decide(EventType.UPDATE_EMAIL_ERROR, all, OLD, true).isEmpty());
        }
    }

    @Nested
    @DisplayName("CUSTOM_REQUIRED_ACTION of kosmo-reset-sign-in-method (changed or lost phone, admin reset)")
    class MethodReset {

        @Test
        @DisplayName("with a verified address: notice to it with the new method, the removed ones and how the member got in")
        void toVerifiedAddress() {
            Optional<Notice> notice = NoticeRules.decide(EventType.CUSTOM_REQUIRED_ACTION,
                    details(Details.CUSTOM_REQUIRED_ACTION, "kosmo-reset-sign-in-method", "kosmo_auth_method", "passkey",
                            "kosmo_removed_methods", "app-otp", "kosmo_recovered_by", "email-code"), OLD, true);
            assertEquals(Optional.of(new Notice(Notice.Kind.SIGN_IN_METHOD_RESET, OLD, null, Map.of(
                    Notice.NEW_METHOD, "passkey", Notice.REMOVED_METHODS, "app-otp", Notice.RECOVERED_BY, "email-code"))),
                    notice);
        }

        @Test
        @DisplayName("nothing removed (a member without a method before): no removed line")
        void nothingRemoved() {
            Notice notice = NoticeRules.decide(EventType.CUSTOM_REQUIRED_ACTION,
                    details(Details.CUSTOM_REQUIRED_ACTION, "kosmo-reset-sign-in-method", "kosmo_auth_method", "app-otp",
                            "kosmo_removed_methods", "", "kosmo_recovered_by", "admin"), OLD, true).orElseThrow();
            assertEquals(Map.of(Notice.NEW_METHOD, "app-otp", Notice.RECOVERED_BY, "admin"), notice.facts());
        }

        @Test
        @DisplayName("no verified address, or another required action: nothing")
        void nothing() {
            Map<String, String> reset = details(Details.CUSTOM_REQUIRED_ACTION, "kosmo-reset-sign-in-method");
            assertTrue(NoticeRules.decide(EventType.CUSTOM_REQUIRED_ACTION, reset, OLD, false).isEmpty());
            assertTrue(NoticeRules.decide(EventType.CUSTOM_REQUIRED_ACTION, reset, null, true).isEmpty());
            assertTrue(NoticeRules.decide(EventType.CUSTOM_REQUIRED_ACTION,
                    details(Details.CUSTOM_REQUIRED_ACTION, "kosmo-auth-method"), OLD, true).isEmpty());
            assertTrue(NoticeRules.decide(EventType.CUSTOM_REQUIRED_ACTION_ERROR, reset, OLD, true).isEmpty());
        }
    }
}
