package jp.kosmo.keycloak.enrolment;

import java.util.Set;
import java.util.stream.Stream;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.Constants;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A Keycloak built-in required action whose pending request one of our actions takes over, in a realm that enables
 * ours (the KOSMO realm). Keycloak asks for its built-ins by name: a temporary password or an admin puts
 * {@code UPDATE_PASSWORD} / {@code CONFIGURE_TOTP} on the member, the reset flow's Reset Password puts
 * {@code UPDATE_PASSWORD} on the authentication session. Our action, with a priority just before the built-in one:
 * <ul>
 *   <li>in {@code evaluateTriggers} sees the built-in's pending request and asks for itself in the authentication
 *       session only (nothing is written on the member), so Keycloak runs ours first;</li>
 *   <li>after its page succeeded, removes the built-in's request from the member and the authentication session, so
 *       Keycloak does not show the built-in page as a second one.</li>
 * </ul>
 * An application-initiated request for the built-in ({@code kc_action}, the account console's "set up" / "update"
 * buttons) is left to Keycloak: it runs the built-in itself, and ours would be a second page.
 */
final class BuiltInRequest {

    private final String ours;
    private final String builtIn;

    private BuiltInRequest(String ours, String builtIn) {
        this.ours = ours;
        this.builtIn = builtIn;
    }

    static BuiltInRequest of(String ours, String builtIn) {
        return new BuiltInRequest(ours, builtIn);
    }

    /** For {@code evaluateTriggers}: asks for our action while the built-in one is pending. */
    void takeOver(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (isPending(context.getUser().getRequiredActionsStream(), authSession.getRequiredActions(),
                authSession.getClientNote(Constants.KC_ACTION))) {
            authSession.addRequiredAction(ours);
        }
    }

    /** For {@code processAction}, after the parent's: once our page succeeded, the built-in's request is done too. */
    void settle(RequiredActionContext context) {
        if (context.getStatus() == RequiredActionContext.Status.SUCCESS) {
            context.getUser().removeRequiredAction(builtIn);
            context.getAuthenticationSession().removeRequiredAction(builtIn);
        }
    }

    /**
     * Whether the built-in action is requested on the member or in the authentication session, other than as the
     * application-initiated action {@code kcAction}.
     */
    boolean isPending(Stream<String> memberActions, Set<String> sessionActions, String kcAction) {
        if (builtIn.equals(kcAction)) {
            return false;
        }
        return sessionActions.contains(builtIn) || memberActions.anyMatch(builtIn::equals);
    }
}
