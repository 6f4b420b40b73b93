package jp.kosmo.keycloak.forgotuserid;

import org.jboss.logging.Logger;
import org.keycloak.common.ClientConnection;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionTask;
import org.keycloak.models.RealmModel;

/**
 * The part of a forgot-user-ID request whose cost depends on who asked: the look-up, the mail and the event. It runs
 * in its own session and transaction after the member's answer has gone out, so how long the answer took says
 * nothing about whether a member matched. The entered birthdate lives only in this object and is never logged or
 * put into the event.
 */
final class ForgotUserIdJob implements KeycloakSessionTask {

    private static final Logger LOG = Logger.getLogger(ForgotUserIdJob.class);

    /** Event detail naming this feature (the event type is Keycloak's generic one for extensions). */
    static final String EVENT_DETAIL_VALUE = ForgotUserIdResourceProviderFactory.PROVIDER_ID;

    private final String realmId;
    private final String clientId;
    private final ClientConnection connection;
    private final ForgotUserIdInput.Request request;
    private final String birthdateAttribute;
    private final String loginUrl;
    private final String locale;
    private final boolean limited;

    private ForgotUserIdJob(String realmId, String clientId, ClientConnection connection, ForgotUserIdInput.Request request,
                            String birthdateAttribute, String loginUrl, String locale, boolean limited) {
        this.realmId = realmId;
        this.clientId = clientId;
        this.connection = connection;
        this.request = request;
        this.birthdateAttribute = birthdateAttribute;
        this.loginUrl = loginUrl;
        this.locale = locale;
        this.limited = limited;
    }

    /** Look up the member and mail them their user ID, in the page's language, when exactly one matches. */
    static ForgotUserIdJob lookUp(RealmModel realm, ClientModel client, ClientConnection connection,
                                  ForgotUserIdInput.Request request, String birthdateAttribute, String loginUrl, String locale) {
        return new ForgotUserIdJob(realm.getId(), client == null ? null : client.getClientId(), Origin.of(connection),
                request, birthdateAttribute, loginUrl, locale, false);
    }

    /** Only record that a request was turned away by a rate limit. */
    static ForgotUserIdJob limited(RealmModel realm, ClientModel client, ClientConnection connection, ForgotUserIdInput.Request request) {
        return new ForgotUserIdJob(realm.getId(), client == null ? null : client.getClientId(), Origin.of(connection),
                request, null, null, null, true);
    }

    @Override
    public void run(KeycloakSession session) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm);
        if (locale != null) {
            // read by Keycloak's locale selector before the member's own setting, as for a language picked on a page
            session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, locale);
        }
        EventBuilder event = new EventBuilder(realm, session, connection)
                .event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, EVENT_DETAIL_VALUE)
                .detail(Details.EMAIL, request.email());
        if (clientId != null) {
            event.client(clientId);
        }
        if (limited) {
            event.detail(Details.REASON, "rate_limited").error(Errors.SLOW_DOWN);
            return;
        }
        MemberLookup.Outcome outcome = MemberLookup.find(session, realm, request, birthdateAttribute);
        if (outcome.user() != null) {
            event.user(outcome.user()).detail(Details.USERNAME, outcome.user().getUsername());
        }
        event.detail(Details.REASON, outcome.reason().detail);
        if (!outcome.found()) {
            event.error(Errors.USER_NOT_FOUND);
            return;
        }
        try {
            UserIdMailer.send(session, realm, outcome.user(), loginUrl);
            event.success();
        } catch (EmailException e) {
            LOG.warnf(e, "Could not send the user ID mail to member %s", outcome.user().getId());
            event.error(Errors.EMAIL_SEND_FAILED);
        }
    }

    /** The requester's address as Keycloak saw it, kept after the request is gone. */
    private record Origin(String remoteAddr, String remoteHost, int remotePort) implements ClientConnection {

        static Origin of(ClientConnection connection) {
            return connection == null ? new Origin(null, null, 0)
                    : new Origin(connection.getRemoteAddr(), connection.getRemoteHost(), connection.getRemotePort());
        }

        @Override
        public String getRemoteAddr() {
            return remoteAddr;
        }

        @Override
        public String getRemoteHost() {
            return remoteHost;
        }

        @Override
        public int getRemotePort() {
            return remotePort;
        }
    }
}
