package jp.kosmo.keycloak.notices;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kosmo.keycloak.metrics.KosmoMetrics;
import jp.kosmo.keycloak.metrics.Tags;
import jp.kosmo.keycloak.metrics.Tally;
import jp.kosmo.keycloak.time.MembersZone;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionTask;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Sends one notice, in a session and transaction of its own after the member's request has been committed, with
 * the {@code kosmo} email theme (ja/en, HTML + text) to the notice's explicit address. A mail server that refuses
 * is logged (the member's id and the notice kind, never an address) and changes nothing else.
 */
record NoticeDelivery(Notice notice, String realmId, String userId, String locale, long occurredAtMillis)
        implements KeycloakSessionTask {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Logger LOG = Logger.getLogger(NoticeDelivery.class);

    @Override
    public void run(KeycloakSession session) {
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
        try {
            session.getProvider(EmailTemplateProvider.class)
                    .setRealm(realm)
                    .setUser(user)
                    .send(notice.kind().subjectKey, List.of(), notice.kind().template, attributes, notice.recipient());
            KosmoMetrics.count(session, realm, Tally.mail(Tags.Mail.NOTICE, Tags.MailOutcome.SENT));
        } catch (EmailException e) {
            KosmoMetrics.count(session, realm, Tally.mail(Tags.Mail.NOTICE, Tags.MailOutcome.FAILED));
            LOG.warnf("Could not send the %s notice to member %s (%s)", notice.kind(), userId, e.getClass().getSimpleName());
            LOG.debugf(e, "Mail server answer for the %s notice to member %s", notice.kind(), userId);
        }
    }
}
