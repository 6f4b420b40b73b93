package jp.kosmo.keycloak.email;

import java.util.Set;

import jp.kosmo.keycloak.code.CodeAttempts;
import jp.kosmo.keycloak.code.CodeInput;
import jp.kosmo.keycloak.code.CodeStore;
import jp.kosmo.keycloak.code.IssuedCode;
import jp.kosmo.keycloak.code.MemberMailLimit;
import jp.kosmo.keycloak.events.KosmoEvents;

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
 * not authenticators, so the failure is reported here), and one of the code's tries, claimed race-free in the
 * cluster-wide store ({@link CodeAttempts}); after the last try the code is dead and only a new mail helps. Malformed
 * input, an expired or dead code and a locked member are answered without counting anything. The right code makes
 * the pending address the member's, verified ({@link VerifiedAddress}); its {@code VERIFY_EMAIL} is the event Keycloak
 * emits for the action's success (as Keycloak's own update-password names its event), so one code is one event.
 */
final class CodeSubmission {

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
        IssuedCode pending = notes.code();
        if (pending == null) {
            fieldError(context, config, address, "kosmoVerifiedEmailCodeNone");
            return;
        }
        EventBuilder event = context.getEvent().clone().event(EventType.VERIFY_EMAIL)
                .user(user)
                .detail(Details.EMAIL, address)
                .detail(KosmoEvents.DETAIL_VERIFIED_BY, KosmoEvents.VERIFIED_BY_CODE);
        long now = Time.currentTime();
        CodeAttempts attempts = new CodeAttempts(CodeStore.of(session));
        if (pending.isExpired(now)) {
            event.error(Errors.EXPIRED_CODE);
            fieldError(context, config, address, "kosmoVerifiedEmailCodeExpired");
            return;
        }
        if (attempts.isSpent(pending, now, config.maxCodeAttempts())) {
            event.detail(Details.REASON, KosmoEvents.REASON_CODE_USED_UP).error(Errors.INVALID_CODE);
            fieldError(context, config, address, "kosmoVerifiedEmailCodeDead");
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

        CodeAttempts.Result result = attempts.verify(pending, input.code(), now, config.maxCodeAttempts());
        switch (result.outcome()) {
            case EXPIRED -> {
                event.error(Errors.EXPIRED_CODE);
                fieldError(context, config, address, "kosmoVerifiedEmailCodeExpired");
            }
            case DEAD, USED -> {
                event.detail(Details.REASON, KosmoEvents.REASON_CODE_USED_UP).error(Errors.INVALID_CODE);
                fieldError(context, config, address, "kosmoVerifiedEmailCodeDead");
            }
            case WRONG -> {
                protector.failedLogin(realm, user, context.getConnection(), session.getContext().getHttpRequest().getUri(),
                        Set.of(OTPCredentialModel.TYPE));
                event.error(Errors.INVALID_CODE);
                if (result.triesLeft() == 0) {
                    fieldError(context, config, address, "kosmoVerifiedEmailCodeDead");
                } else {
                    context.challenge(VerifiedEmailForms.codePage(context, config, address,
                            new FormMessage(VerifiedEmailForms.FIELD_CODE, "kosmoVerifiedEmailCodeWrong",
                                    Integer.toString(result.triesLeft())),
                            PageMessage.NONE));
                }
            }
            case OK -> {
                if (!VerifiedAddress.apply(session, user, address, event)) {
                    notes.clear();
                    event.detail(Details.REASON, KosmoEvents.REASON_ADDRESS_TAKEN_MEANWHILE).error(Errors.EMAIL_IN_USE);
                    context.challenge(VerifiedEmailForms.addressPage(context, address, false, null,
                            new PageMessage(MessageType.ERROR, "kosmoVerifiedEmailUnavailable")));
                    return;
                }
                notes.clear();
                new MemberMailLimit(CodeStore.of(session)).codeUsed(VerificationMailer.MAIL_KIND, user.getId(), now);
                // Keycloak emits this event for the action's success
                context.getEvent().event(EventType.VERIFY_EMAIL).user(user)
                        .detail(Details.EMAIL, address)
                        .detail(KosmoEvents.DETAIL_VERIFIED_BY, KosmoEvents.VERIFIED_BY_CODE);
                context.success();
            }
        }
    }

    private static void fieldError(RequiredActionContext context, VerifiedEmailConfig config, String address, String key) {
        context.challenge(VerifiedEmailForms.codePage(context, config, address,
                new FormMessage(VerifiedEmailForms.FIELD_CODE, key), PageMessage.NONE));
    }
}
