package jp.kosmo.keycloak.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.events.EventType;

/** Which counters each of the events our providers and Keycloak write moves (admin guide, sections 8 and 9). */
class EventTalliesTest {

    private static Map<String, String> details(String... keyValues) {
        Map<String, String> details = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            details.put(keyValues[i], keyValues[i + 1]);
        }
        return details;
    }

    private static List<Tally> of(EventType type, String error, String... keyValues) {
        return EventTallies.of(type, error, details(keyValues));
    }

    @Nested
    @DisplayName("onboarding steps and the methods chosen")
    class Onboarding {

        @Test
        @DisplayName("【4】 同意する (kosmo-terms): step terms")
        void terms() {
            assertEquals(List.of(Tally.step(Tags.Step.TERMS)), of(EventType.CUSTOM_REQUIRED_ACTION, null,
                    "custom_required_action", "kosmo-terms", "kosmo_terms_version", "1"));
        }

        @Test
        @DisplayName("【6】/【7】 VERIFY_EMAIL by code or link: step email_verified, once")
        void emailVerified() {
            assertEquals(List.of(Tally.step(Tags.Step.EMAIL_VERIFIED)), of(EventType.VERIFY_EMAIL, null,
                    "kosmo_verified_by", "code", "custom_required_action", "kosmo-verified-email"));
            assertEquals(List.of(Tally.step(Tags.Step.EMAIL_VERIFIED)), of(EventType.VERIFY_EMAIL, null,
                    "kosmo_verified_by", "link", "action", "kosmo-verify-email"));
        }

        @Test
        @DisplayName("the gate going on after an address verified elsewhere is not a second email_verified")
        void gateGoesOn() {
            assertEquals(List.of(), of(EventType.CUSTOM_REQUIRED_ACTION, null,
                    "custom_required_action", "kosmo-verified-email"));
        }

        @Test
        @DisplayName("【8】 a method chosen in the onboarding: step method_chosen and the method, context onboarding")
        void methodChosen() {
            assertEquals(List.of(Tally.step(Tags.Step.METHOD_CHOSEN),
                            Tally.of(KosmoCounter.SIGN_IN_METHODS_CHOSEN, Tags.Method.EMAIL_OTP, Tags.MethodContext.ONBOARDING)),
                    of(EventType.CUSTOM_REQUIRED_ACTION, null, "custom_required_action", "kosmo-auth-method",
                            "kosmo_auth_method", "email-otp", "kosmo_enrolment", "done"));
            assertEquals(Tally.of(KosmoCounter.SIGN_IN_METHODS_CHOSEN, Tags.Method.PASSKEY, Tags.MethodContext.ONBOARDING),
                    of(EventType.CUSTOM_REQUIRED_ACTION, null, "custom_required_action", "kosmo-auth-method",
                            "kosmo_auth_method", "passkey").get(1));
            assertEquals(Tally.of(KosmoCounter.SIGN_IN_METHODS_CHOSEN, Tags.Method.APP_OTP, Tags.MethodContext.ONBOARDING),
                    of(EventType.CUSTOM_REQUIRED_ACTION, null, "custom_required_action", "kosmo-auth-method",
                            "kosmo_auth_method", "app-otp").get(1));
        }

        @Test
        @DisplayName("a method chosen during a recovery: the method with context recovery, no onboarding step")
        void methodChosenInRecovery() {
            assertEquals(List.of(Tally.of(KosmoCounter.SIGN_IN_METHODS_CHOSEN, Tags.Method.APP_OTP, Tags.MethodContext.RECOVERY)),
                    of(EventType.CUSTOM_REQUIRED_ACTION, null, "custom_required_action", "kosmo-auth-method",
                            "kosmo_auth_method", "app-otp", "kosmo_recovered_by", "admin"));
        }

        @Test
        @DisplayName("a method id we do not know becomes method=other (bounded tag values)")
        void unknownMethod() {
            assertEquals(Tally.of(KosmoCounter.SIGN_IN_METHODS_CHOSEN, Tags.Method.OTHER, Tags.MethodContext.ONBOARDING),
                    of(EventType.CUSTOM_REQUIRED_ACTION, null, "custom_required_action", "kosmo-auth-method",
                            "kosmo_auth_method", "carrier-pigeon").get(1));
            assertEquals(Tags.Method.OTHER, EventTallies.method(null));
        }

        @Test
        @DisplayName("【10】 completion page left: step complete")
        void complete() {
            assertEquals(List.of(Tally.step(Tags.Step.COMPLETE)), of(EventType.CUSTOM_REQUIRED_ACTION, null,
                    "custom_required_action", "kosmo-onboarding-complete"));
        }

        @Test
        @DisplayName("the LOGIN that ends the same request carries custom_required_action but counts nothing")
        void loginCarriesDetails() {
            assertEquals(List.of(), of(EventType.LOGIN, null, "custom_required_action", "kosmo-onboarding-complete"));
        }

        @Test
        @DisplayName("同意しない, other required actions, Keycloak's own ones: nothing")
        void others() {
            assertEquals(List.of(), of(EventType.CUSTOM_REQUIRED_ACTION_ERROR, "rejected_by_user",
                    "custom_required_action", "kosmo-terms"));
            assertEquals(List.of(), of(EventType.CUSTOM_REQUIRED_ACTION, null, "custom_required_action", "kosmo-recovery-codes"));
            assertEquals(List.of(), of(EventType.CUSTOM_REQUIRED_ACTION, null));
            assertEquals(List.of(), of(EventType.UPDATE_PASSWORD, null, "custom_required_action", "kosmo-update-password"));
        }
    }

    @Nested
    @DisplayName("wrong codes and birthdates")
    class WrongAnswers {

        @Test
        @DisplayName("a wrong email code at login or in the reset flow: code=email_otp")
        void emailCode() {
            List<Tally> expected = List.of(Tally.wrongCode(Tags.Code.EMAIL_OTP));
            assertEquals(expected, of(EventType.LOGIN_ERROR, "invalid_user_credentials", "credential_type", "kosmo-email-otp"));
            assertEquals(expected, of(EventType.RESET_PASSWORD_ERROR, "invalid_user_credentials", "credential_type", "kosmo-email-otp"));
        }

        @Test
        @DisplayName("other refusals of the email-code page are no wrong code (expired, locked, mail failure, no address)")
        void emailCodeOtherErrors() {
            for (String error : List.of("expired_code", "user_temporarily_disabled", "email_send_failed", "invalid_email")) {
                assertEquals(List.of(), of(EventType.LOGIN_ERROR, error, "credential_type", "kosmo-email-otp"), error);
            }
        }

        @Test
        @DisplayName("a wrong recovery code or recovery mail code: code=recovery")
        void recoveryCode() {
            assertEquals(List.of(Tally.wrongCode(Tags.Code.RECOVERY)),
                    of(EventType.LOGIN_ERROR, "invalid_user_credentials", "credential_type", "recovery-authn-codes"));
        }

        @Test
        @DisplayName("a wrong verification code: code=verification; a used-up or expired code is none")
        void verificationCode() {
            assertEquals(List.of(Tally.wrongCode(Tags.Code.VERIFICATION)),
                    of(EventType.VERIFY_EMAIL_ERROR, "invalid_code", "kosmo_verified_by", "code"));
            assertEquals(List.of(), of(EventType.VERIFY_EMAIL_ERROR, "invalid_code", "kosmo_verified_by", "code",
                    "reason", "code_used_up"));
            assertEquals(List.of(), of(EventType.VERIFY_EMAIL_ERROR, "expired_code", "kosmo_verified_by", "code"));
            assertEquals(List.of(), of(EventType.VERIFY_EMAIL_ERROR, "invalid_token", "kosmo_verified_by", "link",
                    "reason", "not_the_latest_mail"));
        }

        @Test
        @DisplayName("a wrong birthdate on the recovery page: page=recovery")
        void recoveryBirthdate() {
            assertEquals(List.of(Tally.wrongBirthdate(Tags.Page.RECOVERY)),
                    of(EventType.LOGIN_ERROR, "invalid_user_credentials", "reason", "birthdate_mismatch"));
        }

        @Test
        @DisplayName("a wrong password (no credential type, no reason) is not ours: nothing")
        void wrongPassword() {
            assertEquals(List.of(), of(EventType.LOGIN_ERROR, "invalid_user_credentials", "username", "member"));
            assertEquals(List.of(), of(EventType.LOGIN_ERROR, "invalid_user_credentials"));
        }
    }

    @Nested
    @DisplayName("lockouts (Keycloak's brute-force detector)")
    class Lockouts {

        @Test
        @DisplayName("USER_DISABLED_BY_TEMPORARY_LOCKOUT: kind=temporary; _PERMANENT_LOCKOUT: kind=permanent")
        void lockouts() {
            assertEquals(List.of(Tally.of(KosmoCounter.LOCKOUTS, Tags.Lockout.TEMPORARY)),
                    of(EventType.USER_DISABLED_BY_TEMPORARY_LOCKOUT, null));
            assertEquals(List.of(Tally.of(KosmoCounter.LOCKOUTS, Tags.Lockout.PERMANENT)),
                    of(EventType.USER_DISABLED_BY_PERMANENT_LOCKOUT, null));
        }
    }

    @Nested
    @DisplayName("forgot user ID (the background look-up's event)")
    class ForgotUserId {

        private List<Tally> request(EventType type, String error, String reason) {
            return of(type, error, "kosmo_action", "forgot_user_id", "email", "someone@example.com", "reason", reason);
        }

        @Test
        @DisplayName("the user ID mailed: outcome=mailed; the mail refused: outcome=mail_failed")
        void found() {
            assertEquals(List.of(Tally.forgotUserId(Tags.ForgotUserIdOutcome.MAILED)),
                    request(EventType.CUSTOM_REQUIRED_ACTION, null, "found"));
            assertEquals(List.of(Tally.forgotUserId(Tags.ForgotUserIdOutcome.MAIL_FAILED)),
                    request(EventType.CUSTOM_REQUIRED_ACTION_ERROR, "email_send_failed", "found"));
        }

        @Test
        @DisplayName("nothing mailed: the reason as outcome")
        void notMailed() {
            Map<String, Tags.ForgotUserIdOutcome> reasons = Map.of(
                    "no_member_with_address", Tags.ForgotUserIdOutcome.NO_MEMBER_WITH_ADDRESS,
                    "address_not_verified", Tags.ForgotUserIdOutcome.ADDRESS_NOT_VERIFIED,
                    "no_birthdate_on_file", Tags.ForgotUserIdOutcome.NO_BIRTHDATE_ON_FILE,
                    "several_members", Tags.ForgotUserIdOutcome.SEVERAL_MEMBERS,
                    "member_locked", Tags.ForgotUserIdOutcome.MEMBER_LOCKED);
            reasons.forEach((reason, outcome) -> assertEquals(List.of(Tally.forgotUserId(outcome)),
                    request(EventType.CUSTOM_REQUIRED_ACTION_ERROR, "user_not_found", reason), reason));
        }

        @Test
        @DisplayName("a wrong birthdate: outcome=birthdate_mismatch and a wrong birthdate on page=forgot_user_id")
        void birthdateMismatch() {
            assertEquals(List.of(Tally.forgotUserId(Tags.ForgotUserIdOutcome.BIRTHDATE_MISMATCH),
                            Tally.wrongBirthdate(Tags.Page.FORGOT_USER_ID)),
                    request(EventType.CUSTOM_REQUIRED_ACTION_ERROR, "invalid_user_credentials", "birthdate_mismatch"));
        }

        @Test
        @DisplayName("the rate-limit event (once a minute at most) counts nothing: the page counts each limited request")
        void rateLimited() {
            assertEquals(List.of(), request(EventType.CUSTOM_REQUIRED_ACTION_ERROR, "slow_down", "rate_limited"));
        }

        @Test
        @DisplayName("an unknown or missing reason: outcome=other")
        void unknownReason() {
            assertEquals(List.of(Tally.forgotUserId(Tags.ForgotUserIdOutcome.OTHER)),
                    request(EventType.CUSTOM_REQUIRED_ACTION_ERROR, "user_not_found", "something_new"));
            assertEquals(List.of(Tally.forgotUserId(Tags.ForgotUserIdOutcome.OTHER)),
                    of(EventType.CUSTOM_REQUIRED_ACTION_ERROR, "user_not_found", "kosmo_action", "forgot_user_id"));
        }
    }

    @Nested
    @DisplayName("recoveries of the sign-in method")
    class Recoveries {

        @Test
        @DisplayName("kosmo-reset-sign-in-method succeeded: outcome=succeeded, by how the member got in")
        void succeeded() {
            Map<String, Tags.RecoveredBy> ways = Map.of("recovery-code", Tags.RecoveredBy.RECOVERY_CODE,
                    "email-code", Tags.RecoveredBy.EMAIL_CODE, "admin", Tags.RecoveredBy.ADMIN);
            ways.forEach((by, tag) -> assertEquals(List.of(Tally.recovery(tag, Tags.RecoveryOutcome.SUCCEEDED)),
                    of(EventType.CUSTOM_REQUIRED_ACTION, null, "custom_required_action", "kosmo-reset-sign-in-method",
                            "kosmo_recovered_by", by, "kosmo_auth_method", "passkey", "kosmo_removed_methods", "app-otp"), by));
        }

        @Test
        @DisplayName("an unknown way in counts nothing")
        void unknownWay() {
            assertEquals(List.of(), of(EventType.CUSTOM_REQUIRED_ACTION, null,
                    "custom_required_action", "kosmo-reset-sign-in-method", "kosmo_recovered_by", "magic"));
        }
    }

    @Nested
    @DisplayName("events that are no business of ours")
    class Unrelated {

        @Test
        @DisplayName("no type, no details, Keycloak's everyday events: nothing")
        void nothing() {
            assertEquals(List.of(), EventTallies.of(null, null, null));
            assertEquals(List.of(), EventTallies.of(EventType.LOGIN, null, null));
            assertEquals(List.of(), of(EventType.CODE_TO_TOKEN, null));
            assertEquals(List.of(), of(EventType.LOGOUT, null));
        }
    }
}
