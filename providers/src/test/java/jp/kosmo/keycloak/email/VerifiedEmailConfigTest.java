package jp.kosmo.keycloak.email;

import static jp.kosmo.keycloak.email.VerifiedEmailConfigProperties.CODE_LIFETIME;
import static jp.kosmo.keycloak.email.VerifiedEmailConfigProperties.MAX_ATTEMPTS;
import static jp.kosmo.keycloak.email.VerifiedEmailConfigProperties.MAX_MAILS_PER_HOUR;
import static jp.kosmo.keycloak.email.VerifiedEmailConfigProperties.RESEND_COOLDOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jp.kosmo.keycloak.code.CodeBounds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.RequiredActionConfigModel;

class VerifiedEmailConfigTest {

    @Test
    @DisplayName("no configuration: cooldown 60 s, code lifetime 5 min, 5 tries")
    void defaults() {
        VerifiedEmailConfig config = VerifiedEmailConfig.of((RequiredActionConfigModel) null, CodeBounds.DESIGN);
        assertEquals(60, config.resendCooldownSeconds());
        assertEquals(5, config.codeLifetimeMinutes());
        assertEquals(300, config.codeLifetimeSeconds());
        assertEquals(5, config.maxCodeAttempts());
        assertEquals(5, config.maxMailsPerHour());
    }

    @Test
    @DisplayName("reads every setting")
    void reads() {
        RequiredActionConfigModel model = new RequiredActionConfigModel();
        model.setConfig(Map.of(RESEND_COOLDOWN, "120", CODE_LIFETIME, " 3 ", MAX_ATTEMPTS, "4", MAX_MAILS_PER_HOUR, "7"));
        assertEquals(new VerifiedEmailConfig(120, 3, 4, 7), VerifiedEmailConfig.of(model, CodeBounds.DESIGN));
    }

    @Test
    @DisplayName("a test server's lower cooldown floor lets a shorter cooldown through, nothing else")
    void lowerFloor() {
        CodeBounds testServer = CodeBounds.withCooldownFloor(1);
        assertEquals(1, VerifiedEmailConfig.of(Map.of(RESEND_COOLDOWN, "1"), testServer).resendCooldownSeconds());
        assertEquals(60, VerifiedEmailConfig.of(Map.of(RESEND_COOLDOWN, "1"), CodeBounds.DESIGN).resendCooldownSeconds());
        assertEquals(5, VerifiedEmailConfig.of(Map.of(CODE_LIFETIME, "10"), testServer).codeLifetimeMinutes());
        assertTrue(VerifiedEmailConfig.problems(Map.of(RESEND_COOLDOWN, "1"), testServer).isEmpty());
    }

    @ParameterizedTest(name = "{0} = [{1}] -> default")
    @CsvSource({
            RESEND_COOLDOWN + ", ''",
            RESEND_COOLDOWN + ", abc",
            RESEND_COOLDOWN + ", 0",
            RESEND_COOLDOWN + ", 59",
            RESEND_COOLDOWN + ", 3601",
            CODE_LIFETIME + ", 6",
            CODE_LIFETIME + ", 10",
            CODE_LIFETIME + ", 0",
            MAX_MAILS_PER_HOUR + ", 21",
            MAX_ATTEMPTS + ", 6",
            MAX_ATTEMPTS + ", -1"})
    @DisplayName("unusable values fall back to the defaults (the code never lives longer than 5 min, never more than 5 tries, never less than 60 s between mails)")
    void fallback(String name, String value) {
        assertEquals(VerifiedEmailConfig.DEFAULTS, VerifiedEmailConfig.of(Map.of(name, value), CodeBounds.DESIGN));
    }

    @Test
    @DisplayName("the admin API accepts values inside the bounds, and blanks")
    void accepts() {
        assertTrue(VerifiedEmailConfig.problems(Map.of(RESEND_COOLDOWN, "60", CODE_LIFETIME, "5", MAX_ATTEMPTS, "5",
                MAX_MAILS_PER_HOUR, "20"), CodeBounds.DESIGN).isEmpty());
        assertTrue(VerifiedEmailConfig.problems(Map.of(RESEND_COOLDOWN, ""), CodeBounds.DESIGN).isEmpty());
        assertTrue(VerifiedEmailConfig.problems(Map.of(), CodeBounds.DESIGN).isEmpty());
    }

    @Test
    @DisplayName("the admin API refuses values outside the bounds, naming each property")
    void refuses() {
        List<VerifiedEmailConfig.Problem> problems = VerifiedEmailConfig.problems(Map.of(
                RESEND_COOLDOWN, "x", CODE_LIFETIME, "10", MAX_ATTEMPTS, "0"), CodeBounds.DESIGN);
        assertEquals(3, problems.size());
        assertEquals(List.of(RESEND_COOLDOWN, CODE_LIFETIME, MAX_ATTEMPTS),
                problems.stream().map(VerifiedEmailConfig.Problem::property).toList());
        assertEquals("error-invalid-value", problems.get(0).messageKey());
        assertEquals("error-number-out-of-range", problems.get(1).messageKey());
        assertEquals(List.of(1, 5), List.of(problems.get(1).parameters()), "the admin is told the bounds: 1 to 5 minutes");
    }
}
