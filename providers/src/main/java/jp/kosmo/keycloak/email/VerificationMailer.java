package jp.kosmo.keycloak.email;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kosmo.keycloak.code.CodeIssuer;
import jp.kosmo.keycloak.code.CodeStore;
import jp.kosmo.keycloak.code.MemberMailLimit;
import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.metrics.KosmoMetrics;
import jp.kosmo.keycloak.metrics.Tags;
import jp.kosmo.keycloak.metrics.Tally;

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
 * Sends the one mail of 【6】 for a pending address, the same way whoever holds the address:
 * <ul>
 *   <li>a free address (or the member's own) gets the verification mail {@value #TEMPLATE}: a single-use link (a
 *       {@link VerifyEmailLinkToken}) and a fresh 6-digit code;</li>
 *   <li>an address another member already has gets no code: its owner gets {@value #IN_USE_TEMPLATE}, saying that
 *       someone tried to use the address. The newcomer sees exactly the page of a free address and simply never
 *       receives a code (the code kept for the login was mailed to nobody).</li>
 * </ul>
 * Either way one mail goes out, the login keeps the pending address and a code, and the member's mail allowance is
 * used; the caller checks the allowance (cooldown, hourly cap) before anything is looked up.
 */
final class VerificationMailer {

    static final String TEMPLATE = "kosmo-verified-email.ftl";
    static final String SUBJECT = "kosmoVerifiedEmailSubject";
    static final String IN_USE_TEMPLATE = "kosmo-address-in-use.ftl";
    static final String IN_USE_SUBJECT = "kosmoAddressInUseSubject";
    /** The kind of mail for {@link MemberMailLimit}. */
    static final String MAIL_KIND = "verify-email";

    private static final Logger LOG = Logger.getLogger(VerificationMailer.class);

    private final CodeIssuer issuer;

    VerificationMailer(CodeIssuer issuer) {
        this.issuer = issuer;
    }

    /** The member's allowance for one more mail now, reserving it when there is one. Looks nothing up. */
    MemberMailLimit.Allowance reserve(RequiredActionContext context, VerifiedEmailConfig config, long now) {
        return new MemberMailLimit(CodeStore.of(context.getSession())).tryReserve(MAIL_KIND,
                context.getUser().getId(), now, config.resendCooldownSeconds(), config.maxMailsPerHour());
    }

    /** Sends the mail for {@code address} (lower-case); false only when the mail server refused a verification mail. */
    boolean send(RequiredActionContext context, VerifiedEmailConfig config, String address, long reservedAt) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        int now = Time.currentTime();
        CodeIssuer.Issued issued = issuer.issue(now, config.codeLifetimeSeconds());
        EventBuilder event = context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL)
                .user(user)
                .detail(Details.EMAIL, address);

        UserModel owner = session.users().getUserByEmail(realm, address);
        if (owner != null && !owner.getId().equals(user.getId())) {
            notifyOwner(session, realm, owner, address);
            new VerificationNotes(authSession).mailSent(address, issued.kept());
            event.error(KosmoEvents.ERROR_ADDRESS_IN_USE);
            return true;
        }

        int linkLifetimeSeconds = realm.getActionTokenGeneratedByUserLifespan(VerifyEmailLinkToken.TOKEN_TYPE);
        VerifyEmailLinkToken token = new VerifyEmailLinkToken(user.getId(), now + linkLifetimeSeconds, address,
                authSession.getClient().getClientId());
        String link = LoginActionsService.actionTokenProcessor(context.getUriInfo())
                .queryParam(Constants.KEY, token.serialize(session, realm, context.getUriInfo()))
                .build(realm.getName())
                .toString();

        Map<String, Object> attributes = new HashMap<>();
        attributes.put("link", link);
        attributes.put("linkExpirationMinutes", Long.toString(minutes(linkLifetimeSeconds)));
        attributes.put("code", issued.code());
        attributes.put("codeExpirationMinutes", Integer.toString(config.codeLifetimeMinutes()));
        attributes.put("address", address);
        try {
            session.getProvider(EmailTemplateProvider.class)
                    .setRealm(realm)
                    .setUser(user)
                    .setAuthenticationSession(authSession)
                    .send(SUBJECT, TEMPLATE, attributes, address);
            KosmoMetrics.count(session, realm, Tally.mail(Tags.Mail.VERIFICATION, Tags.MailOutcome.SENT));
        } catch (EmailException e) {
            // the mail server's answer is in the log, not in the event: reasons are fixed values
            LOG.warnf(e, "Could not send the verification mail to member %s", user.getId());
            KosmoMetrics.count(session, realm, Tally.mail(Tags.Mail.VERIFICATION, Tags.MailOutcome.FAILED));
            event.error(Errors.EMAIL_SEND_FAILED);
            new MemberMailLimit(CodeStore.of(session)).sendFailed(MAIL_KIND, user.getId(), reservedAt);
            return false;
        }
        new VerificationNotes(authSession).mailSent(address, issued.kept());
        new LatestLink(CodeStore.of(session)).sent(user.getId(), token.getActionVerificationNonce().toString(),
                linkLifetimeSeconds);
        event.success();
        return true;
    }

    /** The owner learns that someone typed their address; no code, no link. A refused mail changes no answer. */
    private static void notifyOwner(KeycloakSession session, RealmModel realm, UserModel owner, String address) {
        try {
            session.getProvider(EmailTemplateProvider.class)
                    .setRealm(realm)
                    .setUser(owner)
                    .send(IN_USE_SUBJECT, List.of(), IN_USE_TEMPLATE, new HashMap<>(Map.of("address", address)), address);
            KosmoMetrics.count(session, realm, Tally.mail(Tags.Mail.ADDRESS_IN_USE, Tags.MailOutcome.SENT));
        } catch (EmailException e) {
            KosmoMetrics.count(session, realm, Tally.mail(Tags.Mail.ADDRESS_IN_USE, Tags.MailOutcome.FAILED));
            LOG.warnf(e, "Could not send the address-in-use notice to member %s (%s)", owner.getId(),
                    e.getCause() == null ? e.getMessage() : e.getCause().toString());
        }
    }

    /** Whole minutes for the mail's text, rounded down as Keycloak's own mails do (at least 1). */
    private static long minutes(int seconds) {
        return Math.max(1, seconds / 60);
    }
}
