package jp.kosmo.keycloak.forgotuserid;

import java.net.URI;

import jakarta.ws.rs.core.MultivaluedMap;

import jp.kosmo.keycloak.funnel.FirstSignIn;
import jp.kosmo.keycloak.roster.ActivationPassword;
import jp.kosmo.keycloak.time.KeycloakClock;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Errors;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak's login form, with the link to the forgot-user-ID page when the settings switch it on. The link is put on
 * the session's login-forms provider (the one {@code context.form()} returns) before Keycloak's own code runs, so
 * every page the parent renders in this request carries it; the parent's methods run unchanged.
 */
final class KosmoLoginForm extends UsernamePasswordForm {

    /** Template attribute {@code login.ftl} shows the link for; absent when the page is off. */
    static final String LINK_ATTRIBUTE = "kosmoForgotUserIdUrl";

    KosmoLoginForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        addLink(context.getSession());
        super.authenticate(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        addLink(context.getSession());
        super.action(context);
    }

    /**
     * Keycloak's check, then: the right password of a letter whose activation password has expired
     * ({@link ActivationPassword}) is refused exactly like a wrong password (same event error, a failure for brute
     * force, the user cleared as the parent does), with the message that the letter expired. Only someone who typed
     * the right password learns that; a wrong password gets Keycloak's usual answer, whatever the member's letter.
     * The first right password is marked on the member ({@link FirstSignIn}, the funnel's "signed in").
     */
    @Override
    public boolean validatePassword(AuthenticationFlowContext context, UserModel user, MultivaluedMap<String, String> inputData,
                                    boolean clearUser) {
        if (!super.validatePassword(context, user, inputData, clearUser)) {
            return false;
        }
        if (!ActivationPassword.expired(user, KeycloakClock.INSTANCE.instant())) {
            FirstSignIn.record(user, KeycloakClock.INSTANCE.instant());
            return true;
        }
        context.getAuthenticationSession().removeAuthNote(PASSWORD_VALIDATED_NOTE);
        context.getEvent().user(user).detail(jp.kosmo.keycloak.events.KosmoEvents.DETAIL_ACTIVATION_EXPIRED, "true");
        context.getEvent().error(Errors.INVALID_USER_CREDENTIALS);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                challenge(context, ACTIVATION_EXPIRED_MESSAGE, "password"));
        if (clearUser) {
            context.clearUser();
        }
        return false;
    }

    /** The auth note Keycloak's parent sets when the password was right (AbstractUsernameFormAuthenticator). */
    static final String PASSWORD_VALIDATED_NOTE = "PASSWORD_VALIDATED";
    /** Message key of the login theme: the letter's activation password has expired. */
    static final String ACTIVATION_EXPIRED_MESSAGE = "kosmoActivationExpired";

    private static void addLink(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = session.getContext().getClient();
        if (realm != null && LoginFlowSettings.of(realm, client).forgotUserId().enabled()) {
            session.getProvider(LoginFormsProvider.class)
                    .setAttribute(LINK_ATTRIBUTE, pageUri(session, realm, client).toString());
        }
    }

    static URI pageUri(KeycloakSession session, RealmModel realm, ClientModel client) {
        var builder = session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(realm.getName()).path(ForgotUserIdResourceProviderFactory.PROVIDER_ID);
        if (client != null) {
            builder.queryParam(OAuth2Constants.CLIENT_ID, client.getClientId());
        }
        return builder.build();
    }
}
