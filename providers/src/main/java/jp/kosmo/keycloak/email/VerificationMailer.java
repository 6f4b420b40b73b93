package jp.kosmo.keycloak.email;

import jp.kosmo.keycloak.code.CodeIssuer;
import jp.kosmo.keycloak.code.CodeStore;
import jp.kosmo.keycloak.code.FailedMails;
import jp.kosmo.keycloak.code.MemberMailLimit;
import jp.kosmo.keycloak.mail.MailOrigin;
import jp.kosmo.keycloak.mail.MemberMails;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
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
 * Either way one mail goes out, after the request has committed and never in the page's answer time
 * ({@link VerificationMail}); the login keeps the pending address and a code, and the member's mail allowance is
 * used; the caller checks the allowance (cooldown, hourly cap) before anything is looked up. A mail that does not go
 * gives the allowance back and is shown on the page at its next view, for both kinds alike.
 */
final class VerificationMailer {

    static final String TEMPLATE = "kosmo-verified-email.ftl";
    static final String SUBJECT = "kosmoVerifiedEmailSubject";
    static final String IN_USE_TEMPLATE = "kosmo-address-in-use.ftl";
    static final String IN_USE_SUBJECT = "kosmoAddressInUseSubject";
    /** The kind of mail for {@link MemberMailLimit}. */
    static final String MAIL_KIND = "verify-email";

    private final CodeIssuer issuer;
    private final MemberMails mails;

    VerificationMailer(CodeIssuer issuer, MemberMails mails) {
        this.issuer = issuer;
        this.mails = mails;
    }

    /** The member's allowance for one more mail now, reserving it when there is one. Looks nothing up. */
    MemberMailLimit.Allowance reserve(RequiredActionContext context, VerifiedEmailConfig config, long now) {
        return new MemberMailLimit(CodeStore.of(context.getSession())).tryReserve(MAIL_KIND,
                context.getUser().getId(), now, config.resendCooldownSeconds(), config.maxMailsPerHour());
    }

    /**
     * Queues the mail for {@code address} (lower-case), to go after this request has committed ({@link MemberMails}):
     * the login keeps the pending address and the code at once, and the page says the mail is on its way.
     */
    void send(RequiredActionContext context, VerifiedEmailConfig config, String address, long reservedAt) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        int now = Time.currentTime();
        CodeIssuer.Issued issued = issuer.issue(now, config.codeLifetimeSeconds());
        EventBuilder requestEvent = context.getEvent().clone().user(user);
        MailOrigin origin = MailOrigin.of(session, realm, user, requestEvent);

        UserModel owner = session.users().getUserByEmail(realm, address);
        if (owner != null && !owner.getId().equals(user.getId())) {
            new VerificationNotes(authSession).mailSent(address, issued.kept());
            mails.afterCommit(session, VerificationMail.toOwner(origin, address, owner.getId(), reservedAt,
                    issued.kept().id()));
            return;
        }

        int linkLifetimeSeconds = realm.getActionTokenGeneratedByUserLifespan(VerifyEmailLinkToken.TOKEN_TYPE);
        VerifyEmailLinkToken token = new VerifyEmailLinkToken(user.getId(), now + linkLifetimeSeconds, address,
                authSession.getClient().getClientId());
        String link = LoginActionsService.actionTokenProcessor(context.getUriInfo())
                .queryParam(Constants.KEY, token.serialize(session, realm, context.getUriInfo()))
                .build(realm.getName())
                .toString();
        new VerificationNotes(authSession).mailSent(address, issued.kept());
        new LatestLink(CodeStore.of(session)).sent(user.getId(), token.getActionVerificationNonce().toString(),
                linkLifetimeSeconds);
        mails.afterCommit(session, VerificationMail.verification(origin, address, link,
                Long.toString(minutes(linkLifetimeSeconds)), issued.code(), Integer.toString(config.codeLifetimeMinutes()),
                reservedAt, issued.kept().id()));
    }

    /** True when the mail of this login's current code is known not to have gone (the page says so). */
    static boolean lastMailFailed(RequiredActionContext context) {
        return new FailedMails(CodeStore.of(context.getSession())).hasFailed(MAIL_KIND, context.getUser().getId(),
                new VerificationNotes(context.getAuthenticationSession()).code());
    }

    /** Whole minutes for the mail's text, rounded down as Keycloak's own mails do (at least 1). */
    private static long minutes(int seconds) {
        return Math.max(1, seconds / 60);
    }
}
