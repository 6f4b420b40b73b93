package jp.kosmo.keycloak.email;

import jp.kosmo.keycloak.code.CodeInput;
import java.util.Set;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.MessageType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.BruteForceProtector;

import jp.kosmo.keycloak.email.VerifiedEmailForms.PageMessage;

/**
 * 【6】 the member types the code of the mail in the original tab.
 *
 * <p>A wrong code is a failed login for Keycloak's brute-force detector, category {@code otp} (required actions are
 * not authenticators, so the failure is reported here), and one of the code's tries. After the last try the code
 * is dead and only a new mail helps; a new mail never resets the detector's count. Malformed input, an expired or
 * dead code and a locked member are answered without counting anything.
 */
final class CodeSubmission {

    /** Event detail saying how the address was verified. */
    static final String DETAIL_VERIFIED_BY = "kosmo_verified_by";
    static final String VERIFIED_BY_CODE = "code";
    static final String VERIFIED_BY_LINK = "link";

    void verify(RequiredActionContext context, VerifiedEmailConfig config, String address) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        VerificationNotes notes = new VerificationNotes(context.getAuthenticationSession());
        String typed = context.getHttpRequest().getDecodedFormParameters().getFirst(VerifiedEmailForms.FIELD_CODE);

        CodeInput.Result input = CodeInput.parse(typed);
        if (!input.isValid()) {
            fieldError(context, config, address, input.problem().messageKey());
            return;
        }
        PendingCode pending = notes.code();
        if (pending == null) {
            fieldError(context, config, address, "kosmoVerifiedEmailCodeNone");
            return;
        }
        EventBuilder event = context.getEvent().clone().event(EventType.VERIFY_EMAIL)
                .user(user)
                .detail(Details.EMAIL, address)
                .detail(DETAIL_VERIFIED_BY, VERIFIED_BY_CODE);
        if (pending.isExhausted(config.maxCodeAttempts())) {
            event.detail(Details.REASON, "code used up").error(Errors.INVALID_CODE);
            fieldError(context, config, address, "kosmoVerifiedEmailCodeDead");
            return;
        }
        if (pending.isExpired(Time.currentTime())) {
            event.error(Errors.EXPIRED_CODE);
            fieldError(context, config, address, "kosmoVerifiedEmailCodeExpired");
            return;
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        String locked = AuthenticatorUtils.getDisabledByBruteForceEventError(protector, session, realm, user);
        if (locked != null) {
            event.error(locked);
            String message = Errors.USER_TEMPORARILY_DISABLED.equals(locked)
                    ? "kosmoVerifiedEmailLockedTemporarily" : "kosmoVerifiedEmailLockedPermanently";
            context.challenge(VerifiedEmailForms.codePage(context, config, address, null,
                    new PageMessage(MessageType.ERROR, message)));
            return;
        }

        if (!pending.matches(input.code())) {
            PendingCode failed = pending.withFailure();
            notes.saveCode(failed);
            protector.failedLogin(realm, user, context.getConnection(), session.getContext().getHttpRequest().getUri(),
                    Set.of(OTPCredentialModel.TYPE));
            event.error(Errors.INVALID_CODE);
            if (failed.isExhausted(config.maxCodeAttempts())) {
                fieldError(context, config, address, "kosmoVerifiedEmailCodeDead");
            } else {
                context.challenge(VerifiedEmailForms.codePage(context, config, address,
                        new FormMessage(VerifiedEmailForms.FIELD_CODE, "kosmoVerifiedEmailCodeWrong",
                                Integer.toString(failed.attemptsLeft(config.maxCodeAttempts()))),
                        PageMessage.NONE));
            }
            return;
        }

        user.setEmailVerified(true);
        notes.clear();
        event.success();
        context.success();
    }

    private static void fieldError(RequiredActionContext context, VerifiedEmailConfig config, String address, String key) {
        context.challenge(VerifiedEmailForms.codePage(context, config, address,
                new FormMessage(VerifiedEmailForms.FIELD_CODE, key), PageMessage.NONE));
    }
}
