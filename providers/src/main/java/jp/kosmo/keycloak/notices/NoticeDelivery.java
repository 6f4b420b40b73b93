package jp.kosmo.keycloak.notices;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kosmo.keycloak.mail.MemberMail;
import jp.kosmo.keycloak.mail.MemberMails;
import jp.kosmo.keycloak.metrics.KosmoMetrics;
import jp.kosmo.keycloak.metrics.Tags;
import jp.kosmo.keycloak.metrics.Tally;
import jp.kosmo.keycloak.time.MembersZone;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Sends one notice, in the background in a session and transaction of its own after the member's request has been
 * committed ({@link MemberMails}), with the {@code kosmo} email theme (ja/en, HTML + text) to the notice's explicit
 * address. A mail server that refuses is logged by {@link MemberMails} (the member's id and the notice kind, never an
 * address), counted as a failed notice, and changes nothing else: a notice has no page to show it on.
 */
record NoticeDelivery(Notice notice, String realmId, String userId, String locale, long occurredAtMillis)
        implements MemberMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public void send(KeycloakSession session) throws EmailException {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm);
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            return;
        }
        if (locale != null) {
            // the language of the page the member was on, as Keycloak's own mails of that request use
            session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, locale);
        }
        // Keycloak adds its own entries to this map, so it must be mutable
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("address", notice.recipient());
        attributes.put("maskedNewAddress", notice.maskedNewAddress());
        attributes.putAll(notice.facts());
        attributes.put("when", WHEN.format(MembersZone.of(realm).at(Instant.ofEpochMilli(occurredAtMillis))));
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user)
                .send(notice.kind().subjectKey, List.of(), notice.kind().template, attributes, notice.recipient());
        KosmoMetrics.count(session, realm, Tally.mail(Tags.Mail.NOTICE, Tags.MailOutcome.SENT));
    }

    @Override
    public void failed(KeycloakSession session) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm != null) {
            KosmoMetrics.count(session, realm, Tally.mail(Tags.Mail.NOTICE, Tags.MailOutcome.FAILED));
        }
    }

    @Override
    public String describe() {
        return "the " + notice.kind() + " notice to member " + userId;
    }
}
