package jp.kosmo.keycloak.authmethod;

import java.util.List;

import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public final class AuthMethodActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = RequiredActionIds.AUTH_METHOD;

    private static final AuthMethodAction SINGLETON = new AuthMethodAction();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "KOSMO: choose the sign-in method";
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return AuthMethodConfigProperties.CONFIG_PROPERTIES;
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
