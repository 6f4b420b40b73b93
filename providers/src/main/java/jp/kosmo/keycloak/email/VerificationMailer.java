package jp.kosmo.keycloak.email;

import jp.kosmo.keycloak.code.CodeGenerator;
import jp.kosmo.keycloak.code.CodeHasher;
import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Sends the one verification mail of 【6】: a single-use link (a {@link VerifyEmailLinkToken}) and a fresh 6-digit
 * code, in the email theme's {@value #TEMPLATE} (HTML and plain text, in the member's language). On success the
 * authentication session keeps the address and the code's hash (the previous code is dead), and the cooldown starts.
 */
final class VerificationMailer {

    static final String TEMPLATE = "kosmo-verified-email.ftl";
    static final String SUBJECT = "kosmoVerifiedEmailSubject";

    private static final Logger LOG = Logger.getLogger(VerificationMailer.class);

    private final CodeGenerator codes;
    private final CodeHasher hasher;

    VerificationMailer(CodeGenerator codes, CodeHasher hasher) {
        this.codes = codes;
        this.hasher = hasher;
    }

    /** Sends the mail to {@code address}; false (and a SEND_VERIFY_EMAIL_ERROR event) when the mail server refused. */
    boolean send(RequiredActionContext context, VerifiedEmailConfig config, String address) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        int now = Time.currentTime();

        int linkLifetimeSeconds = realm.getActionTokenGeneratedByUserLifespan(VerifyEmailLinkToken.TOKEN_TYPE);
        VerifyEmailLinkToken token = new VerifyEmailLinkToken(user.getId(), now + linkLifetimeSeconds, address,
                authSession.getClient().getClientId());
        String link = LoginActionsService.actionTokenProcessor(context.getUriInfo())
                .queryParam(Constants.KEY, token.serialize(session, realm, context.getUriInfo()))
                .build(realm.getName())
                .toString();

        String code = codes.next();
        PendingCode pending = PendingCode.issue(code, hasher.newSalt(), now, config.codeLifetimeSeconds());

        Map<String, Object> attributes = new HashMap<>();
        attributes.put("link", link);
        attributes.put("linkExpirationMinutes", Long.toString(minutes(linkLifetimeSeconds)));
        attributes.put("code", code);
        attributes.put("codeExpirationMinutes", Integer.toString(config.codeLifetimeMinutes()));
        attributes.put("address", address);

        EventBuilder event = context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL)
                .user(user)
                .detail(Details.EMAIL, address);
        try {
            session.getProvider(EmailTemplateProvider.class)
                    .setRealm(realm)
                    .setUser(user)
                    .setAuthenticationSession(authSession)
                    .send(SUBJECT, TEMPLATE, attributes, address);
        } catch (EmailException e) {
            LOG.warnf(e, "Could not send the verification mail to member %s", user.getId());
            event.detail(Details.REASON, e.getMessage()).error(Errors.EMAIL_SEND_FAILED);
            return false;
        }
        new VerificationNotes(authSession).mailSent(address, pending);
        new ResendCooldownStore(session).sent(user, now);
        event.success();
        return true;
    }

    /** Whole minutes for the mail's text, rounded down as Keycloak's own mails do (at least 1). */
    private static long minutes(int seconds) {
        return Math.max(1, seconds / 60);
    }
}
