package jp.kosmo.keycloak.emailotp;

import static jp.kosmo.keycloak.emailotp.EmailOtpConfigProperties.COOLDOWN;
import static jp.kosmo.keycloak.emailotp.EmailOtpConfigProperties.LIFETIME;
import static jp.kosmo.keycloak.emailotp.EmailOtpConfigProperties.MAX_SENDS;
import static jp.kosmo.keycloak.emailotp.EmailOtpConfigProperties.MAX_TRIES;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jp.kosmo.keycloak.code.CodeBounds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class EmailOtpConfigTest {

    @Test
    @DisplayName("no configuration: 5 min, 60 s cooldown, 5 mails an hour, 5 tries")
    void defaults() {
        assertEquals(new EmailOtpConfig(300, 60, 5, 5), EmailOtpConfig.of((AuthenticatorConfigModel) null, CodeBounds.DESIGN));
        assertEquals(EmailOtpConfig.DEFAULTS, EmailOtpConfig.of(Map.of(), CodeBounds.DESIGN));
    }

    @Test
    @DisplayName("reads every setting inside the bounds")
    void reads() {
        assertEquals(new EmailOtpConfig(120, 90, 3, 4), EmailOtpConfig.of(Map.of(LIFETIME, " 120 ", COOLDOWN, "90",
                MAX_SENDS, "3", MAX_TRIES, "4"), CodeBounds.DESIGN));
    }

    @Nested
    @DisplayName("values outside the shared bounds")
    class Outside {

        @Test
        @DisplayName("count as the nearest bound: never more than 5 min or 5 tries, never less than 60 s between mails")
        void clamped() {
            assertEquals(new EmailOtpConfig(300, 60, 20, 5), EmailOtpConfig.of(Map.of(LIFETIME, "600", COOLDOWN, "0",
                    MAX_SENDS, "100", MAX_TRIES, "10"), CodeBounds.DESIGN));
            assertEquals(new EmailOtpConfig(30, 3600, 1, 1), EmailOtpConfig.of(Map.of(LIFETIME, "1", COOLDOWN, "86400",
                    MAX_SENDS, "0", MAX_TRIES, "-3"), CodeBounds.DESIGN));
        }

        @Test
        @DisplayName("unreadable ones count as the default")
        void unreadable() {
            assertEquals(EmailOtpConfig.DEFAULTS, EmailOtpConfig.of(Map.of(LIFETIME, "five", COOLDOWN, " "),
                    CodeBounds.DESIGN));
        }

        @Test
        @DisplayName("a test server's lower floor lets a 3 s cooldown through")
        void testServer() {
            assertEquals(3, EmailOtpConfig.of(Map.of(COOLDOWN, "3"), CodeBounds.withCooldownFloor(1)).cooldownSeconds());
            assertEquals(60, EmailOtpConfig.of(Map.of(COOLDOWN, "3"), CodeBounds.DESIGN).cooldownSeconds());
        }
    }
}
