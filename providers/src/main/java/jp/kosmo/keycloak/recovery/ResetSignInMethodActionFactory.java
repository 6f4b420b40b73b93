package jp.kosmo.keycloak.recovery;

import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@value #PROVIDER_ID}. An admin puts it on a member (admin console: the member's <em>Required user
 * actions</em>, or the admin REST API) to reset the member's sign-in method; the self-service recovery asks for it in
 * the login only.
 */
public final class ResetSignInMethodActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = RequiredActionIds.RESET_SIGN_IN_METHOD;

    private static final ResetSignInMethodAction SINGLETON = new ResetSignInMethodAction();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "KOSMO: reset the sign-in method (サインイン方法のリセット)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
