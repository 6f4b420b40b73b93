package jp.kosmo.keycloak.forgotuserid;

import java.util.Set;

import jakarta.ws.rs.core.UriInfo;
import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.metrics.KosmoMetrics;
import jp.kosmo.keycloak.metrics.Tags;
import jp.kosmo.keycloak.metrics.Tally;
import org.jboss.logging.Logger;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.ClientConnection;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionTask;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * The part of a forgot-user-ID request whose cost depends on who asked: the look-up, the brute-force bookkeeping,
 * the mail and the event. It runs in its own session and transaction after the member's answer has gone out, so
 * neither the answer nor its timing says whether a member matched, was locked or had a guess counted.
 *
 * <p>A birthdate entered for an address that belongs to one member alone is a guess at that member's birthdate:
 * a wrong one is a failed login for Keycloak's brute-force detector (category {@code password}, as the login's
 * birthdate check), and while the member is locked, temporarily or for good, nothing is mailed and nothing more is
 * counted. The entered birthdate lives only in this object and is never logged or put into the event.
 */
final class ForgotUserIdJob implements KeycloakSessionTask {

    private static final Logger LOG = Logger.getLogger(ForgotUserIdJob.class);

    private static final Set<String> CATEGORY = Set.of(PasswordCredentialModel.TYPE);

    private final String realmId;
    private final String clientId;
    private final ClientConnection connection;
    private final UriInfo uri;
    private final ForgotUserIdInput.Request request;
    private final String birthdateAttribute;
    private final String loginUrl;
    private final String locale;

    private ForgotUserIdJob(String realmId, String clientId, ClientConnection connection, UriInfo uri, ForgotUserIdInput.Request request,
                            String birthdateAttribute, String loginUrl, String locale) {
        this.realmId = realmId;
        this.clientId = clientId;
        this.connection = connection;
        this.uri = uri;
        this.request = request;
        this.birthdateAttribute = birthdateAttribute;
        this.loginUrl = loginUrl;
        this.locale = locale;
    }

    /**
     * Look up the member and mail them their user ID, in the page's language, when exactly one matches. The client's
     * connection and the request's URI are copied now: the job and the brute-force detector use them after the
     * request has gone.
     */
    static ForgotUserIdJob lookUp(RealmModel realm, ClientModel client, ClientConnection connection, UriInfo uri,
                                  ForgotUserIdInput.Request request, String birthdateAttribute, String loginUrl, String locale) {
        return new ForgotUserIdJob(realm.getId(), client == null ? null : client.getClientId(), Origin.of(connection),
                DetachedUriInfo.of(uri), request, birthdateAttribute, loginUrl, locale);
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
        EventBuilder event = ForgotUserIdEvent.of(session, realm, clientId, connection, request.email());
        MemberLookup.Outcome outcome = MemberLookup.find(session, realm, request, birthdateAttribute);
        UserModel member = outcome.user();
        if (member != null) {
            event.user(member).detail(Details.USERNAME, member.getUsername());
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        if (outcome.guessed()) {
            String locked = lockError(protector, session, realm, member);
            if (locked != null) {
                event.detail(Details.REASON, KosmoEvents.REASON_MEMBER_LOCKED).error(locked);
                return;
            }
        }
        event.detail(Details.REASON, outcome.reason().detail);
        switch (outcome.reason()) {
            case FOUND -> mail(session, realm, member, event);
            case BIRTHDATE_MISMATCH -> {
                if (member != null && realm.isBruteForceProtected()) {
                    protector.failedLogin(realm, member, connection, uri, CATEGORY);
                }
                event.error(Errors.INVALID_USER_CREDENTIALS);
            }
            default -> event.error(Errors.USER_NOT_FOUND);
        }
    }

    /**
     * Why the member may not be mailed now, null when they may: locked by brute-force detection, or disabled at all
     * (the look-up only returns disabled members that the detector locked for good; this holds even when an admin
     * switched detection off since).
     */
    private static String lockError(BruteForceProtector protector, KeycloakSession session, RealmModel realm, UserModel member) {
        if (!member.isEnabled()) {
            return Errors.USER_DISABLED;
        }
        return AuthenticatorUtils.getDisabledByBruteForceEventError(protector, session, realm, member);
    }

    private void mail(KeycloakSession session, RealmModel realm, UserModel member, EventBuilder event) {
        try {
            UserIdMailer.send(session, realm, member, loginUrl);
            KosmoMetrics.count(session, realm, Tally.mail(Tags.Mail.USER_ID, Tags.MailOutcome.SENT));
            event.success();
        } catch (EmailException e) {
            KosmoMetrics.count(session, realm, Tally.mail(Tags.Mail.USER_ID, Tags.MailOutcome.FAILED));
            LOG.warnf(e, "Could not send the user ID mail to member %s", member.getId());
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
