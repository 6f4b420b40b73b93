package jp.kosmo.keycloak.email;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The pages of the browser that opened the mail's link (【6】 on a phone, say). None of them continues a login:
 * they confirm, say what happened and send the member back to the original screen.
 */
final class LinkPages {

    static final String TEMPLATE = "kosmo-verified-email-link.ftl";

    /** What the page says; the template shows one state. */
    enum State {
        /** "Verify this address?" with a button: a mail scanner fetching the link does not verify anything. */
        CONFIRM,
        /** Verified: go back to the original screen. */
        VERIFIED,
        /** The address was verified before (the link or the code was already used). */
        ALREADY_VERIFIED,
        /** The link is not for the member's current address, or it was used: start again on the original screen. */
        STALE
    }

    private final KeycloakSession session;
    private final AuthenticationSessionModel authSession;
    private final UserModel user;

    LinkPages(KeycloakSession session, AuthenticationSessionModel authSession, UserModel user) {
        this.session = session;
        this.authSession = authSession;
        this.user = user;
    }

    /**
     * The confirmation page. The button sends the browser to {@code action} with {@code parameters} as a GET form,
     * because Keycloak's action-token endpoint only answers GET.
     */
    Response confirm(String address, String action, Map<String, String> parameters) {
        return forms(State.CONFIRM, address)
                .setAttribute("kosmoConfirmAction", action)
                .setAttribute("kosmoConfirmParameters", new LinkedHashMap<>(parameters))
                .createForm(TEMPLATE);
    }

    Response show(State state, String address) {
        return forms(state, address).createForm(TEMPLATE);
    }

    private LoginFormsProvider forms(State state, String address) {
        return session.getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(authSession)
                .setUser(user)
                .setAttribute("kosmoLinkState", state.name())
                .setAttribute("kosmoEmailAddress", address == null ? "" : address);
    }
}
