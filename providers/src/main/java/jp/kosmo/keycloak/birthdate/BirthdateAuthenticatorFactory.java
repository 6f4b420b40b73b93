package jp.kosmo.keycloak.birthdate;

import java.util.List;

import jp.kosmo.keycloak.time.KeycloakClock;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

public final class BirthdateAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "kosmo-birthdate";

    private static final Requirement[] REQUIREMENT_CHOICES = {Requirement.REQUIRED, Requirement.DISABLED};

    private static final BirthdateAuthenticator SINGLETON = new BirthdateAuthenticator(KeycloakClock.INSTANCE);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "KOSMO birthdate check";
    }

    @Override
    public String getHelpText() {
        return "kosmoAdminBirthdateHelp";
    }

    /**
     * {@code password}: Keycloak's brute-force detector (26.6+) counts failures only for the categories
     * {@code password}, {@code otp} and {@code recovery-authn-codes}. A birthdate is a knowledge secret like the
     * password and shares its failure counter; {@code otp} would also feed the OTP-only permanent lockout.
     */
    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return BirthdateConfigProperties.CONFIG_PROPERTIES;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
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
