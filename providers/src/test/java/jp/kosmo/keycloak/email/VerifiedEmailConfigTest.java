package jp.kosmo.keycloak.email;

import static jp.kosmo.keycloak.email.VerifiedEmailConfigProperties.CODE_LIFETIME;
import static jp.kosmo.keycloak.email.VerifiedEmailConfigProperties.MAX_ATTEMPTS;
import static jp.kosmo.keycloak.email.VerifiedEmailConfigProperties.MAX_MAILS_PER_HOUR;
import static jp.kosmo.keycloak.email.VerifiedEmailConfigProperties.RESEND_COOLDOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.RequiredActionConfigModel;

class VerifiedEmailConfigTest {

    @Test
    @DisplayName("no configuration: cooldown 60 s, code lifetime 10 min, 5 tries")
    void defaults() {
        VerifiedEmailConfig config = VerifiedEmailConfig.of((RequiredActionConfigModel) null);
        assertEquals(60, config.resendCooldownSeconds());
        assertEquals(10, config.codeLifetimeMinutes());
        assertEquals(600, config.codeLifetimeSeconds());
        assertEquals(5, config.maxCodeAttempts());
        assertEquals(5, config.maxMailsPerHour());
    }

    @Test
    @DisplayName("reads every setting")
    void reads() {
        RequiredActionConfigModel model = new RequiredActionConfigModel();
        model.setConfig(Map.of(RESEND_COOLDOWN, "2", CODE_LIFETIME, " 3 ", MAX_ATTEMPTS, "4", MAX_MAILS_PER_HOUR, "7"));
        assertEquals(new VerifiedEmailConfig(2, 3, 4, 7), VerifiedEmailConfig.of(model));
    }

    @ParameterizedTest(name = "{0} = [{1}] -> default")
    @CsvSource({
            RESEND_COOLDOWN + ", ''",
            RESEND_COOLDOWN + ", abc",
            RESEND_COOLDOWN + ", 0",
            RESEND_COOLDOWN + ", 3601",
            CODE_LIFETIME + ", 11",
            CODE_LIFETIME + ", 0",
            MAX_ATTEMPTS + ", 6",
            MAX_ATTEMPTS + ", -1"})
    @DisplayName("unusable values fall back to the defaults (the code never lives longer than 10 min, never more than 5 tries)")
    void fallback(String name, String value) {
        assertEquals(VerifiedEmailConfig.DEFAULTS, VerifiedEmailConfig.of(Map.of(name, value)));
    }

    @Test
    @DisplayName("the admin API accepts values inside the bounds, and blanks")
    void accepts() {
        assertTrue(VerifiedEmailConfig.problems(Map.of(RESEND_COOLDOWN, "1", CODE_LIFETIME, "10", MAX_ATTEMPTS, "5")).isEmpty());
        assertTrue(VerifiedEmailConfig.problems(Map.of(RESEND_COOLDOWN, "")).isEmpty());
        assertTrue(VerifiedEmailConfig.problems(Map.of()).isEmpty());
    }

    @Test
    @DisplayName("the admin API refuses values outside the bounds, naming each property")
    void refuses() {
        List<VerifiedEmailConfig.Problem> problems = VerifiedEmailConfig.problems(Map.of(
                RESEND_COOLDOWN, "x", CODE_LIFETIME, "30", MAX_ATTEMPTS, "0"));
        assertEquals(3, problems.size());
        assertEquals(List.of(RESEND_COOLDOWN, CODE_LIFETIME, MAX_ATTEMPTS),
                problems.stream().map(VerifiedEmailConfig.Problem::property).toList());
        assertEquals("error-invalid-value", problems.get(0).messageKey());
        assertEquals("error-number-out-of-range", problems.get(1).messageKey());
    }
}
