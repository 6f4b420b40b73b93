package jp.kosmo.keycloak.email;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kosmo.keycloak.code.CodeStore;
import jp.kosmo.keycloak.code.FailedMails;
import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.mail.MailOrigin;
import jp.kosmo.keycloak.mail.MemberMail;
import jp.kosmo.keycloak.metrics.KosmoMetrics;
import jp.kosmo.keycloak.metrics.Tags;
import jp.kosmo.keycloak.metrics.Tally;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The one background mail of 【6】 ({@link VerificationMailer} decides which): the verification mail (link and code)
 * to a free address, or, for an address another member has, the notice to its owner (no code, no link). Its event
 * {@code SEND_VERIFY_EMAIL} is written when the mail went; when it did not, the gate's page says so at its next view
 * and the member's allowance is given back ({@link FailedMails}) whichever of the two it was, so the page of a taken
 * address stays that of a free one.
 */
record VerificationMail(MailOrigin origin, String address, String ownerId, String link, String linkExpirationMinutes,
                        String code, String codeExpirationMinutes, long reservedAt, String codeId) implements MemberMail {

    static VerificationMail verification(MailOrigin origin, String address, String link, String linkExpirationMinutes,
                                         String code, String codeExpirationMinutes, long reservedAt, String codeId) {
        return new VerificationMail(origin, address, null, link, linkExpirationMinutes, code, codeExpirationMinutes,
                reservedAt, codeId);
    }

    static VerificationMail toOwner(MailOrigin origin, String address, String ownerId, long reservedAt, String codeId) {
        return new VerificationMail(origin, address, ownerId, null, null, null, null, reservedAt, codeId);
    }

    boolean toOwner() {
        return ownerId != null;
    }

    @Override
    public void send(KeycloakSession session) throws EmailException {
        RealmModel realm = origin.realm(session);
        if (realm == null) {
            return;
        }
        if (toOwner()) {
            UserModel owner = session.users().getUserById(realm, ownerId);
            if (owner != null) {
                session.getProvider(EmailTemplateProvider.class)
                        .setRealm(realm)
                        .setUser(owner)
                        .send(VerificationMailer.IN_USE_SUBJECT, List.of(), VerificationMailer.IN_USE_TEMPLATE,
                                new HashMap<>(Map.of("address", address)), address);
                KosmoMetrics.count(session, realm, Tally.mail(Tags.Mail.ADDRESS_IN_USE, Tags.MailOutcome.SENT));
            }
            event(session, realm).error(KosmoEvents.ERROR_ADDRESS_IN_USE);
            return;
        }
        UserModel user = origin.user(session, realm);
        if (user == null) {
            return;
        }
        // Keycloak adds its own entries to this map, so it must be mutable
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("link", link);
        attributes.put("linkExpirationMinutes", linkExpirationMinutes);
        attributes.put("code", code);
        attributes.put("codeExpirationMinutes", codeExpirationMinutes);
        attributes.put("address", address);
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user)
                .send(VerificationMailer.SUBJECT, VerificationMailer.TEMPLATE, attributes, address);
        KosmoMetrics.count(session, realm, Tally.mail(Tags.Mail.VERIFICATION, Tags.MailOutcome.SENT));
        event(session, realm).success();
    }

    @Override
    public void failed(KeycloakSession session) {
        RealmModel realm = origin.realm(session);
        if (realm == null) {
            return;
        }
        FailedMails.record(CodeStore.of(session), VerificationMailer.MAIL_KIND, origin.userId(), reservedAt, codeId);
        KosmoMetrics.count(session, realm, Tally.mail(toOwner() ? Tags.Mail.ADDRESS_IN_USE : Tags.Mail.VERIFICATION,
                Tags.MailOutcome.FAILED));
        // the mail server's answer is in the log, not in the event: reasons are fixed values
        event(session, realm).error(toOwner() ? KosmoEvents.ERROR_ADDRESS_IN_USE : Errors.EMAIL_SEND_FAILED);
    }

    private EventBuilder event(KeycloakSession session, RealmModel realm) {
        return origin.event(session, realm, EventType.SEND_VERIFY_EMAIL).detail(Details.EMAIL, address);
    }

    @Override
    public String describe() {
        return (toOwner() ? "the address-in-use notice to member " + ownerId + " (for member " + origin.userId() + ")"
                : "the verification mail to member " + origin.userId());
    }

    @Override
    public String toString() {
        return "VerificationMail[" + describe() + "]";
    }
}
