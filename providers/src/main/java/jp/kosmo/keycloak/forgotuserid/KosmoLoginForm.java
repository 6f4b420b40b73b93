package jp.kosmo.keycloak.forgotuserid;

import java.net.URI;

import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

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
