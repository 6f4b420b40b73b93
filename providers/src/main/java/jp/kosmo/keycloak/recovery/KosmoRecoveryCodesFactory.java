package jp.kosmo.keycloak.recovery;

import java.util.List;

import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Registers {@value #PROVIDER_ID} (Keycloak's own {@code CONFIGURE_RECOVERY_AUTHN_CODES} stays as it is, for the
 * account console).
 */
public final class KosmoRecoveryCodesFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = RequiredActionIds.RECOVERY_CODES;

    private static final KosmoRecoveryCodes SINGLETON = new KosmoRecoveryCodes();

    /** For our enrolment pages: a passkey or authenticator app was enrolled in this login. */
    public static void enrolled(org.keycloak.sessions.AuthenticationSessionModel authSession) {
        KosmoRecoveryCodes.enrolled(authSession);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "KOSMO: recovery codes in the onboarding (リカバリーコード)";
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return RecoveryCodesMode.PROPERTIES;
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
