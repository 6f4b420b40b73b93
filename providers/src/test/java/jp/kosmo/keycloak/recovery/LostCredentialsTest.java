package jp.kosmo.keycloak.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.kosmo.keycloak.recovery.LostCredentials.Stored;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LostCredentialsTest {

    private static final Stored OLD_TOTP = new Stored("t1", "otp");
    private static final Stored OLD_PASSKEY = new Stored("p1", "webauthn-passwordless");
    private static final Stored NEW_PASSKEY = new Stored("p2", "webauthn-passwordless");
    private static final Stored OLD_MAIL = new Stored("m1", "kosmo-email-otp");

    @Nested
    @DisplayName("a new passkey or app was chosen")
    class Device {

        @Test
        @DisplayName("the new passkey is there: every old credential goes, the new one stays")
        void newWorks() {
            assertEquals(Optional.of(List.of(OLD_TOTP)), LostCredentials.toRemove(Set.of("t1"),
                    List.of(OLD_TOTP, NEW_PASSKEY), "webauthn-passwordless", false));
        }

        @Test
        @DisplayName("a passkey that was already there before does not count as the new one: nothing goes")
        void onlyOldOfThatType() {
            assertEquals(Optional.empty(), LostCredentials.toRemove(Set.of("t1", "p1"),
                    List.of(OLD_TOTP, OLD_PASSKEY), "webauthn-passwordless", false));
        }

        @Test
        @DisplayName("the same kind again (a new app on the new phone): the old app goes, the new one stays")
        void sameKindAgain() {
            Stored newTotp = new Stored("t2", "otp");
            assertEquals(Optional.of(List.of(OLD_TOTP)), LostCredentials.toRemove(Set.of("t1"),
                    List.of(OLD_TOTP, newTotp), "otp", false));
        }

        @Test
        @DisplayName("the enrolment did not happen (recovery abandoned): nothing goes")
        void notEnrolled() {
            assertEquals(Optional.empty(), LostCredentials.toRemove(Set.of("t1"), List.of(OLD_TOTP),
                    "webauthn-passwordless", false));
        }
    }

    @Nested
    @DisplayName("email codes were chosen")
    class Mail {

        @Test
        @DisplayName("the email-code credential exists (new): the old app goes")
        void newMail() {
            Stored mail = new Stored("m2", "kosmo-email-otp");
            assertEquals(Optional.of(List.of(OLD_TOTP)), LostCredentials.toRemove(Set.of("t1"),
                    List.of(OLD_TOTP, mail), "kosmo-email-otp", true));
        }

        @Test
        @DisplayName("the member had email codes already: they stay, the other old ones go")
        void keptMail() {
            assertEquals(Optional.of(List.of(OLD_TOTP)), LostCredentials.toRemove(Set.of("t1", "m1"),
                    List.of(OLD_TOTP, OLD_MAIL), "kosmo-email-otp", true));
        }
    }

    @Test
    @DisplayName("no method chosen: nothing goes")
    void nothingChosen() {
        assertEquals(Optional.empty(), LostCredentials.toRemove(Set.of("t1"), List.of(OLD_TOTP, NEW_PASSKEY), null, false));
    }
}
