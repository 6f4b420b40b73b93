package jp.kosmo.keycloak.email;

import jp.kosmo.keycloak.code.MemberMailLimit;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.common.util.Time;
import org.keycloak.forms.login.MessageType;

import jp.kosmo.keycloak.email.VerifiedEmailForms.PageMessage;

/**
 * 【6】 「メールを再送信」: refused while the member's cooldown or hourly cap says so, with the time left on the page;
 * otherwise a new mail with a new link and a new code (the old code and link are dead from then on). The brute-force
 * detector's count is not touched.
 */
final class ResendSubmission {

    private final VerificationMailer mailer;

    ResendSubmission(VerificationMailer mailer) {
        this.mailer = mailer;
    }

    void resend(RequiredActionContext context, VerifiedEmailConfig config, String address) {
        long now = Time.currentTime();
        MemberMailLimit.Allowance allowance = mailer.reserve(context, config, now);
        if (!allowance.allowed()) {
            context.challenge(VerifiedEmailForms.codePage(context, config, address, null, waitMessage(allowance)));
            return;
        }
        mailer.send(context, config, address, now);
        context.challenge(VerifiedEmailForms.codePage(context, config, address, null,
                new PageMessage(MessageType.SUCCESS, "kosmoVerifiedEmailResent", address)));
    }

    /** "Wait n seconds" within the cooldown, "about n minutes" once the hourly cap is reached. */
    static PageMessage waitMessage(MemberMailLimit.Allowance allowance) {
        if (allowance.refusedBecause() == MemberMailLimit.Reason.HOURLY_CAP) {
            return new PageMessage(MessageType.ERROR, "kosmoVerifiedEmailHourlyCap",
                    Long.toString(Math.max(1, (allowance.waitSeconds() + 59) / 60)));
        }
        return new PageMessage(MessageType.ERROR, "kosmoVerifiedEmailResendWait", Long.toString(allowance.waitSeconds()));
    }
}
