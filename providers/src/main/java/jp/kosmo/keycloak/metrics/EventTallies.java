package jp.kosmo.keycloak.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kosmo.keycloak.authmethod.AuthMethod;
import jp.kosmo.keycloak.emailotp.EmailOtpCredentialModel;
import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import jp.kosmo.keycloak.recovery.RecoveryNotes;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;

/**
 * Which of our counters one user event moves: pure rules on the event's type, error and details (the events our
 * providers and Keycloak write, admin guide section "Events"). What no event tells is counted where it happens
 * ({@link KosmoMetrics}): mails, the birthdate page 【3】, recoveries started and refused, rate-limited forgot-user-ID
 * requests.
 *
 * <ul>
 *   <li>onboarding steps: the success events of {@code kosmo-terms}, {@code kosmo-auth-method} (not during a
 *       recovery) and {@code kosmo-onboarding-complete}, and {@code VERIFY_EMAIL};</li>
 *   <li>methods chosen: the success of {@code kosmo-auth-method}, by method, in the onboarding or a recovery;</li>
 *   <li>wrong codes: a refused email code ({@code credential_type} {@code kosmo-email-otp}), recovery code or
 *       recovery mail code ({@code recovery-authn-codes}), verification code ({@code VERIFY_EMAIL_ERROR}
 *       {@code invalid_code}, not a used-up code);</li>
 *   <li>wrong birthdates on the recovery page ({@code reason} {@code birthdate_mismatch}) and the forgot-user-ID
 *       page;</li>
 *   <li>lockouts: Keycloak's {@code USER_DISABLED_BY_TEMPORARY_LOCKOUT} / {@code _PERMANENT_LOCKOUT};</li>
 *   <li>forgot-user-ID outcomes of the background look-up (the rate-limit event is written at most once a minute,
 *       so rate-limited requests are counted on the page instead);</li>
 *   <li>recoveries succeeded: the success of {@code kosmo-reset-sign-in-method}, by how the member got in.</li>
 * </ul>
 */
public final class EventTallies {

    private EventTallies() {
    }

    public static List<Tally> of(EventType type, String error, Map<String, String> details) {
        Map<String, String> d = details == null ? Map.of() : details;
        if (type == null) {
            return List.of();
        }
        if (isForgotUserId(d)) {
            return forgotUserId(type, error, d);
        }
        return switch (type) {
            case CUSTOM_REQUIRED_ACTION -> requiredAction(d);
            case VERIFY_EMAIL -> List.of(Tally.step(Tags.Step.EMAIL_VERIFIED));
            case VERIFY_EMAIL_ERROR -> Errors.INVALID_CODE.equals(error)
                    && !KosmoEvents.REASON_CODE_USED_UP.equals(d.get(Details.REASON))
                    ? List.of(Tally.wrongCode(Tags.Code.VERIFICATION)) : List.of();
            case LOGIN_ERROR, RESET_PASSWORD_ERROR -> loginError(error, d);
            case USER_DISABLED_BY_TEMPORARY_LOCKOUT -> List.of(Tally.of(KosmoCounter.LOCKOUTS, Tags.Lockout.TEMPORARY));
            case USER_DISABLED_BY_PERMANENT_LOCKOUT -> List.of(Tally.of(KosmoCounter.LOCKOUTS, Tags.Lockout.PERMANENT));
            default -> List.of();
        };
    }

    private static boolean isForgotUserId(Map<String, String> details) {
        return KosmoEvents.ACTION_FORGOT_USER_ID.equals(details.get(KosmoEvents.DETAIL_ACTION));
    }

    private static List<Tally> requiredAction(Map<String, String> d) {
        String action = d.get(Details.CUSTOM_REQUIRED_ACTION);
        if (action == null) {
            return List.of();
        }
        return switch (action) {
            case RequiredActionIds.TERMS -> List.of(Tally.step(Tags.Step.TERMS));
            case RequiredActionIds.ONBOARDING_COMPLETE -> List.of(Tally.step(Tags.Step.COMPLETE));
            case RequiredActionIds.AUTH_METHOD -> methodChosen(d);
            case RequiredActionIds.RESET_SIGN_IN_METHOD -> recoveredBy(d.get(KosmoEvents.DETAIL_RECOVERED_BY))
                    .map(by -> List.of(Tally.recovery(by, Tags.RecoveryOutcome.SUCCEEDED)))
                    .orElse(List.of());
            default -> List.of();
        };
    }

    private static List<Tally> methodChosen(Map<String, String> d) {
        Tags.Method method = method(d.get(KosmoEvents.DETAIL_AUTH_METHOD));
        boolean recovery = d.get(KosmoEvents.DETAIL_RECOVERED_BY) != null;
        Tally chosen = Tally.of(KosmoCounter.SIGN_IN_METHODS_CHOSEN, method,
                recovery ? Tags.MethodContext.RECOVERY : Tags.MethodContext.ONBOARDING);
        return recovery ? List.of(chosen) : List.of(Tally.step(Tags.Step.METHOD_CHOSEN), chosen);
    }

    private static List<Tally> loginError(String error, Map<String, String> d) {
        if (!Errors.INVALID_USER_CREDENTIALS.equals(error)) {
            return List.of();
        }
        String credentialType = d.get(Details.CREDENTIAL_TYPE);
        if (KosmoEvents.REASON_BIRTHDATE_MISMATCH.equals(d.get(Details.REASON))) {
            // written only by the recovery page: the birthdate page's wrong birthdate is counted on that page
            return List.of(Tally.wrongBirthdate(Tags.Page.RECOVERY));
        }
        if (EmailOtpCredentialModel.TYPE.equals(credentialType)) {
            return List.of(Tally.wrongCode(Tags.Code.EMAIL_OTP));
        }
        if (RecoveryAuthnCodesCredentialModel.TYPE.equals(credentialType)) {
            return List.of(Tally.wrongCode(Tags.Code.RECOVERY));
        }
        return List.of();
    }

    private static List<Tally> forgotUserId(EventType type, String error, Map<String, String> d) {
        String reason = d.get(Details.REASON);
        if (type == EventType.CUSTOM_REQUIRED_ACTION) {
            return List.of(Tally.forgotUserId(Tags.ForgotUserIdOutcome.MAILED));
        }
        if (type != EventType.CUSTOM_REQUIRED_ACTION_ERROR || KosmoEvents.REASON_RATE_LIMITED.equals(reason)) {
            return List.of();
        }
        if (KosmoEvents.REASON_FOUND.equals(reason)) {
            return List.of(Tally.forgotUserId(Errors.EMAIL_SEND_FAILED.equals(error)
                    ? Tags.ForgotUserIdOutcome.MAIL_FAILED : Tags.ForgotUserIdOutcome.OTHER));
        }
        Tags.ForgotUserIdOutcome outcome = forgotUserIdOutcome(reason);
        List<Tally> tallies = new ArrayList<>(2);
        tallies.add(Tally.forgotUserId(outcome));
        if (outcome == Tags.ForgotUserIdOutcome.BIRTHDATE_MISMATCH) {
            tallies.add(Tally.wrongBirthdate(Tags.Page.FORGOT_USER_ID));
        }
        return List.copyOf(tallies);
    }

    private static Tags.ForgotUserIdOutcome forgotUserIdOutcome(String reason) {
        if (reason == null) {
            return Tags.ForgotUserIdOutcome.OTHER;
        }
        return switch (reason) {
            case KosmoEvents.REASON_NO_MEMBER_WITH_ADDRESS -> Tags.ForgotUserIdOutcome.NO_MEMBER_WITH_ADDRESS;
            case KosmoEvents.REASON_ADDRESS_NOT_VERIFIED -> Tags.ForgotUserIdOutcome.ADDRESS_NOT_VERIFIED;
            case KosmoEvents.REASON_NO_BIRTHDATE_ON_FILE -> Tags.ForgotUserIdOutcome.NO_BIRTHDATE_ON_FILE;
            case KosmoEvents.REASON_SEVERAL_MEMBERS -> Tags.ForgotUserIdOutcome.SEVERAL_MEMBERS;
            case KosmoEvents.REASON_BIRTHDATE_MISMATCH -> Tags.ForgotUserIdOutcome.BIRTHDATE_MISMATCH;
            case KosmoEvents.REASON_MEMBER_LOCKED -> Tags.ForgotUserIdOutcome.MEMBER_LOCKED;
            default -> Tags.ForgotUserIdOutcome.OTHER;
        };
    }

    /** The tag of a sign-in method id ({@code passkey}, {@code app-otp}, {@code email-otp}); {@code other} else. */
    static Tags.Method method(String id) {
        return AuthMethod.byId(id).map(m -> switch (m) {
            case PASSKEY -> Tags.Method.PASSKEY;
            case APP_OTP -> Tags.Method.APP_OTP;
            case EMAIL_OTP -> Tags.Method.EMAIL_OTP;
        }).orElse(Tags.Method.OTHER);
    }

    /** The tag of {@value KosmoEvents#DETAIL_RECOVERED_BY}'s value, empty for an unknown one. */
    public static Optional<Tags.RecoveredBy> recoveredBy(String by) {
        if (by == null) {
            return Optional.empty();
        }
        return switch (by) {
            case RecoveryNotes.BY_RECOVERY_CODE -> Optional.of(Tags.RecoveredBy.RECOVERY_CODE);
            case RecoveryNotes.BY_EMAIL_CODE -> Optional.of(Tags.RecoveredBy.EMAIL_CODE);
            case RecoveryNotes.BY_ADMIN -> Optional.of(Tags.RecoveredBy.ADMIN);
            default -> Optional.empty();
        };
    }

}
