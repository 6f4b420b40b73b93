package jp.kosmo.keycloak.email;

import jp.kosmo.keycloak.code.CodeStore;
import jp.kosmo.keycloak.events.KosmoEvents;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.SystemClientUtil;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionCompoundId;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * 【6】/【7】 The link of the verification mail, opened in any browser or device.
 *
 * <ol>
 *   <li>Opening the link shows "verify this address?" with a button; nothing is verified yet, so a mail scanner that
 *       fetches links verifies nothing. The button repeats the token, now bound to this browser's own
 *       authentication session (a cookie a scanner does not keep).</li>
 *   <li>The button (only for the link of the member's latest mail: {@link LatestLink}) makes the address the
 *       member's, verified ({@link VerifiedAddress}), uses the token up and shows "verified, go
 *       back to the original screen". This browser gets no user session and does not continue any login: its
 *       authentication session is removed again.</li>
 * </ol>
 *
 * <p>The original login is never touched (stock Keycloak removes it, which is why its original tab says the login
 * timed out): the link carries no authentication session, and when it is opened in the very browser of the login a
 * new tab of that browser's session is used. The original tab sees the verified email on refresh or on its continue
 * button ({@link VerifiedEmailRequiredAction}).
 */
public final class VerifyEmailLinkTokenHandler extends AbstractActionTokenHandler<VerifyEmailLinkToken> {

    public VerifyEmailLinkTokenHandler() {
        super(VerifyEmailLinkToken.TOKEN_TYPE, VerifyEmailLinkToken.class, "kosmoVerifiedEmailLinkInvalid",
                EventType.VERIFY_EMAIL, Errors.INVALID_TOKEN);
    }

    /** Never the session of another tab: a new tab in this browser's session, or a new session of its own. */
    @Override
    public AuthenticationSessionModel startFreshAuthenticationSession(VerifyEmailLinkToken token,
                                                                      ActionTokenContext<VerifyEmailLinkToken> context) {
        RealmModel realm = context.getRealm();
        AuthenticationSessionManager manager = new AuthenticationSessionManager(context.getSession());
        RootAuthenticationSessionModel root = manager.getCurrentRootAuthenticationSession(realm);
        if (root == null) {
            root = manager.createAuthenticationSession(realm, true);
        }
        ClientModel client = token.getIssuedFor() == null ? null : realm.getClientByClientId(token.getIssuedFor());
        AuthenticationSessionModel authSession = root.createAuthenticationSession(
                client == null ? SystemClientUtil.getSystemClient(realm) : client);
        authSession.setAction(AuthenticationSessionModel.Action.AUTHENTICATE.name());
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setAuthNote(AuthenticationManager.END_AFTER_REQUIRED_ACTIONS, "true");
        return authSession;
    }

    /** Single use is enforced in {@link #handleToken}, so that a used link gets a page of its own. */
    @Override
    public boolean canUseTokenRepeatedly(VerifyEmailLinkToken token, ActionTokenContext<VerifyEmailLinkToken> context) {
        return true;
    }

    @Override
    public Response handleToken(VerifyEmailLinkToken token, ActionTokenContext<VerifyEmailLinkToken> context) {
        KeycloakSession session = context.getSession();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel user = authSession.getAuthenticatedUser();
        String address = token.getEmail();
        LinkPages pages = new LinkPages(session, authSession, user);
        EventBuilder event = context.getEvent().event(EventType.VERIFY_EMAIL)
                .user(user)
                .detail(Details.EMAIL, address)
                .detail(KosmoEvents.DETAIL_VERIFIED_BY, KosmoEvents.VERIFIED_BY_LINK);

        if (user.isEmailVerified() && address != null && address.equalsIgnoreCase(user.getEmail())) {
            event.error(Errors.EMAIL_ALREADY_VERIFIED);
            return finish(context, pages.show(LinkPages.State.ALREADY_VERIFIED, address));
        }
        if (address == null || !new LatestLink(CodeStore.of(session)).isLatest(user.getId(),
                token.getActionVerificationNonce() == null ? null : token.getActionVerificationNonce().toString())) {
            event.detail(Details.REASON, KosmoEvents.REASON_NOT_THE_LATEST_MAIL).error(Errors.INVALID_TOKEN);
            return finish(context, pages.show(LinkPages.State.STALE, address));
        }
        if (session.revokedTokens().contains(token.serializeKey())) {
            event.detail(Details.REASON, KosmoEvents.REASON_LINK_USED).error(Errors.EXPIRED_CODE);
            return finish(context, pages.show(LinkPages.State.STALE, address));
        }

        if (context.isAuthenticationSessionFresh()) {
            return confirmationPage(token, context, pages);
        }

        long lifetimeLeft = Math.max(1, token.getExp() - Time.currentTime());
        if (!session.revokedTokens().put(token.serializeKey(), lifetimeLeft)) {
            event.detail(Details.REASON, KosmoEvents.REASON_LINK_USED).error(Errors.EXPIRED_CODE);
            return finish(context, pages.show(LinkPages.State.STALE, address));
        }
        if (!VerifiedAddress.apply(session, user, address, event)) {
            event.detail(Details.REASON, KosmoEvents.REASON_ADDRESS_TAKEN_MEANWHILE).error(Errors.EMAIL_IN_USE);
            return finish(context, pages.show(LinkPages.State.STALE, address));
        }
        event.success();
        return finish(context, pages.show(LinkPages.State.VERIFIED, address));
    }

    private static Response confirmationPage(VerifyEmailLinkToken token, ActionTokenContext<VerifyEmailLinkToken> context,
                                             LinkPages pages) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UriInfo uriInfo = context.getUriInfo();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();

        token.setCompoundAuthenticationSessionId(AuthenticationSessionCompoundId.fromAuthSession(authSession).getEncodedId());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(Constants.KEY, token.serialize(session, realm, uriInfo));
        parameters.put(Constants.CLIENT_ID, authSession.getClient().getClientId());
        parameters.put(Constants.TAB_ID, authSession.getTabId());
        String clientData = AuthenticationProcessor.getClientData(session, authSession);
        if (clientData != null && !clientData.isBlank()) {
            parameters.put(Constants.CLIENT_DATA, clientData);
        }
        String action = LoginActionsService.actionTokenProcessor(uriInfo).build(realm.getName()).toString();
        return pages.confirm(token.getEmail(), action, parameters);
    }

    /** Renders first, then removes this browser's authentication session (or tab): it must not lead anywhere. */
    private static Response finish(ActionTokenContext<VerifyEmailLinkToken> context, Response page) {
        new AuthenticationSessionManager(context.getSession())
                .removeTabIdInAuthenticationSession(context.getRealm(), context.getAuthenticationSession());
        return page;
    }
}
