package jp.kosmo.keycloak.terms;

import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.events.KosmoEvents;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The member pressed 同意しない: they do not get in. Nothing is recorded as accepted; the login in progress is
 * ended (its authentication session removed, so going back and accepting is no longer possible: back or reload
 * lead to a fresh login page), a browser session the member already had is signed out, and a page says why.
 * The next login asks again.
 *
 * <p>Keycloak's own terms action answers a decline with {@code failure()}, which sends the browser back to the
 * application with {@code error=access_denied} and leaves the message to the application. Members should read
 * the reason from us, so this renders Keycloak's info page instead, detached from the removed session in the
 * same way Keycloak ends a login after an email action.
 */
final class TermsDecline {

    static final String TITLE_MESSAGE = "kosmoTermsDeclinedTitle";
    static final String MESSAGE = "kosmoTermsDeclined";

    private TermsDecline() {
    }

    static void handle(RequiredActionContext context, TermsConfig config) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        context.getEvent().clone()
                .detail(KosmoEvents.DETAIL_TERMS_VERSION, config.version())
                .error(Errors.REJECTED_BY_USER);

        signOutBrowserSession(context);
        Response page = context.form()
                .setDetachedAuthSession()
                .setAttribute("messageHeader", TITLE_MESSAGE)
                .setInfo(MESSAGE)
                .createInfoPage();
        // the restart cookie stays: back or reload on this page starts a fresh login instead of an error page
        session.authenticationSessions().removeRootAuthenticationSession(realm, context.getAuthenticationSession().getParentSession());
        context.challenge(page);
    }

    /** A member who came in through an existing browser session (cookie) is signed out of it. */
    private static void signOutBrowserSession(RequiredActionContext context) {
        KeycloakSession session = context.getSession();
        AuthenticationManager.AuthResult sso = AuthenticationManager.authenticateIdentityCookie(session, context.getRealm(), false);
        if (sso != null && sso.session() != null && sso.user() != null && sso.user().getId().equals(context.getUser().getId())) {
            AuthenticationManager.backchannelLogout(session, sso.session(), true);
        }
        AuthenticationManager.expireIdentityCookie(session);
    }
}
