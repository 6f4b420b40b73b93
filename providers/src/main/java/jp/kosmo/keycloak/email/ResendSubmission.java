package jp.kosmo.keycloak.email;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.forms.login.MessageType;

import jp.kosmo.keycloak.email.VerifiedEmailForms.PageMessage;

/**
 * 【6】 「メールを再送信」: refused before the cooldown is over, with the seconds left on the page; after it, a new mail
 * with a new link and a new code (the old code is dead from then on). The brute-force detector's count is not touched.
 */
final class ResendSubmission {

    private final VerificationMailer mailer;

    ResendSubmission(VerificationMailer mailer) {
        this.mailer = mailer;
    }

    void resend(RequiredActionContext context, VerifiedEmailConfig config, String address) {
        long remaining = new ResendCooldownStore(context.getSession())
                .remainingSeconds(context.getUser(), config.resendCooldownSeconds());
        if (remaining > 0) {
            context.challenge(VerifiedEmailForms.codePage(context, config, address, null,
                    new PageMessage(MessageType.ERROR, "kosmoVerifiedEmailResendWait", Long.toString(remaining))));
            return;
        }
        PageMessage message = mailer.send(context, config, address)
                ? new PageMessage(MessageType.SUCCESS, "kosmoVerifiedEmailResent", address)
                : new PageMessage(MessageType.ERROR, "kosmoVerifiedEmailSendFailed");
        context.challenge(VerifiedEmailForms.codePage(context, config, address, null, message));
    }
}
