package jp.kosmo.keycloak.forgotuserid;

import java.net.URI;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Keycloak's login form, with the link to the forgot-user-ID page when the settings switch it on. */
final class KosmoLoginForm extends UsernamePasswordForm {

    /** Template attribute {@code login.ftl} shows the link for; absent when the page is off. */
    static final String LINK_ATTRIBUTE = "kosmoForgotUserIdUrl";

    private final KeycloakSession session;

    KosmoLoginForm(KeycloakSession session) {
        super(session);
        this.session = session;
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        LoginFormsProvider forms = context.form();
        if (!formData.isEmpty()) {
            forms.setFormData(formData);
        }
        addLink(forms);
        return forms.createLoginUsernamePassword();
    }

    @Override
    protected Response createLoginForm(LoginFormsProvider form) {
        addLink(form);
        return super.createLoginForm(form);
    }

    private void addLink(LoginFormsProvider form) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = session.getContext().getClient();
        if (realm != null && LoginFlowSettings.of(realm, client).forgotUserId().enabled()) {
            form.setAttribute(LINK_ATTRIBUTE, pageUri(session, realm, client).toString());
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
