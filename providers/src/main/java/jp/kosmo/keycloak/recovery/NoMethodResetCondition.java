package jp.kosmo.keycloak.recovery;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Condition of the browser flow's second-factor step: true unless an admin has reset the member's sign-in method
 * ({@value ResetSignInMethodActionFactory#PROVIDER_ID} is on the member). The member then has no working method to
 * show, so the step is skipped and the login goes from the password and the birthdate to the chooser.
 */
public final class NoMethodResetCondition implements ConditionalAuthenticator {

    static final NoMethodResetCondition SINGLETON = new NoMethodResetCondition();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        return user == null || !ResetSignInMethodAction.hasAdminReset(user);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
