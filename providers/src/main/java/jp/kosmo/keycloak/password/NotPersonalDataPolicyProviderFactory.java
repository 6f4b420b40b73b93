package jp.kosmo.keycloak.password;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;

public final class NotPersonalDataPolicyProviderFactory implements PasswordPolicyProviderFactory {

    public static final String ID = "kosmo-not-birthdate";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new NotPersonalDataPolicyProvider(session.getContext());
    }

    @Override
    public String getDisplayName() {
        return "Not birthdate or insurance card (KOSMO)";
    }

    @Override
    public String getConfigType() {
        return PasswordPolicyProvider.STRING_CONFIG_TYPE;
    }

    @Override
    public String getDefaultConfigValue() {
        return PersonalDataAttributes.DEFAULT_CONFIG;
    }

    @Override
    public boolean isMultiplSupported() {
        return false;
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
