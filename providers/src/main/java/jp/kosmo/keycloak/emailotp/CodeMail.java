package jp.kosmo.keycloak.emailotp;

import jp.kosmo.keycloak.code.CodeStore;
import jp.kosmo.keycloak.code.MailedCode;
import jp.kosmo.keycloak.mail.MailOrigin;
import jp.kosmo.keycloak.mail.MemberMail;
import jp.kosmo.keycloak.metrics.KosmoMetrics;
import jp.kosmo.keycloak.metrics.Tags;
import jp.kosmo.keycloak.metrics.Tally;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The background mail of one code page's code (the login code, the recovery code): {@link EmailOtpMailer}'s mail
 * to the address the page named. Sent: counted as {@code sent}. Not sent: counted as {@code failed}, an event with
 * Keycloak's {@code email_send_failed} as the request would have written it, and {@link MailedCode#failed} so the
 * page says so at its next view and the allowance is given back.
 */
public record CodeMail(MailOrigin origin, String address, MailedCode.Pending code, Tags.Mail tag, String credentialType)
        implements MemberMail {

    @Override
    public void send(KeycloakSession session) throws EmailException {
        RealmModel realm = origin.realm(session);
        UserModel user = realm == null ? null : origin.user(session, realm);
        if (user == null) {
            return;
        }
        EmailOtpMailer.send(session, realm, user, address, code.code(), code.lifetimeSeconds(), code.kept().expiresAt());
        KosmoMetrics.count(session, realm, Tally.mail(tag, Tags.MailOutcome.SENT));
    }

    @Override
    public void failed(KeycloakSession session) {
        RealmModel realm = origin.realm(session);
        if (realm == null) {
            return;
        }
        MailedCode.failed(CodeStore.of(session), code);
        KosmoMetrics.count(session, realm, Tally.mail(tag, Tags.MailOutcome.FAILED));
        var event = origin.event(session, realm, null);
        if (credentialType != null) {
            event.detail(Details.CREDENTIAL_TYPE, credentialType);
        }
        event.error(Errors.EMAIL_SEND_FAILED);
    }

    @Override
    public String describe() {
        return "the " + tag.name().toLowerCase(java.util.Locale.ROOT) + " mail to member " + origin.userId();
    }

    @Override
    public String toString() {
        return "CodeMail[" + describe() + "]";
    }
}
