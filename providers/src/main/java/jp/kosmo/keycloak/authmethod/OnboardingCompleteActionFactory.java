package jp.kosmo.keycloak.authmethod;

import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public final class OnboardingCompleteActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = RequiredActionIds.ONBOARDING_COMPLETE;

    private static final OnboardingCompleteAction SINGLETON = new OnboardingCompleteAction();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "KOSMO: first login completed page";
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
