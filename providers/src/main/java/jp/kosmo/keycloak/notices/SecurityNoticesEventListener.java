package jp.kosmo.keycloak.notices;

import java.util.Locale;
import java.util.Optional;

import jp.kosmo.keycloak.mail.MemberMails;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Event listener {@value SecurityNoticesEventListenerFactory#PROVIDER_ID}: notice mails to the address in force when
 * a member's address is being changed or has been changed ({@link NoticeRules}). It decides while the event is sent,
 * inside the member's request (when the member's address is still the one before the request's changes), and mails
 * in the background after the request has committed ({@link MemberMails}), never in the page's answer time.
 */
final class SecurityNoticesEventListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(SecurityNoticesEventListener.class);

    private final KeycloakSession session;
    private final MemberMails mails;

    SecurityNoticesEventListener(KeycloakSession session, MemberMails mails) {
        this.session = session;
        this.mails = mails;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() == null || event.getError() != null || event.getRealmId() == null || event.getUserId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        if (user == null) {
            return;
        }
        Optional<Notice> notice = NoticeRules.decide(event.getType(), event.getDetails(), user.getEmail(),
                user.isEmailVerified());
        notice.map(n -> n.kind() == Notice.Kind.SIGN_IN_METHOD_RESET ? n.with(Notice.BROWSER, browser()) : n)
                .ifPresent(n -> mails.afterCommit(session,
                        new NoticeDelivery(n, realm.getId(), user.getId(), locale(user), event.getTime())));
    }

    /** The browser of this request as it names itself (User-Agent, cut to 200 characters), or null. */
    private String browser() {
        try {
            String agent = session.getContext().getRequestHeaders().getHeaderString("User-Agent");
            return agent == null ? null : agent.length() > 200 ? agent.substring(0, 200) : agent;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The language of this request for this member (page choice, their setting, the browser), or null. */
    private String locale(UserModel user) {
        try {
            Locale locale = session.getContext().resolveLocale(user);
            return locale == null ? null : locale.toLanguageTag();
        } catch (RuntimeException e) {
            LOG.debugf(e, "No request locale for member %s; the notice uses the member's own setting", user.getId());
            return null;
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // admins change addresses directly in the admin console; no notice for that
    }

    @Override
    public void close() {
    }
}
