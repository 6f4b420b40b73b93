package jp.kosmo.keycloak.terms;

import java.util.List;

import jp.kosmo.keycloak.time.KeycloakClock;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;

/** Registers the required action {@code kosmo-terms} and its configuration (the current terms version). */
public final class TermsRequiredActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "kosmo-terms";

    private static final TermsRequiredAction SINGLETON = new TermsRequiredAction(KeycloakClock.INSTANCE);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "KOSMO terms of use";
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return TermsConfigProperties.CONFIG_PROPERTIES;
    }

    /** The admin console (and the admin REST API) refuse a blank or oddly shaped version with a message. */
    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        String version = model.getConfigValue(TermsConfigProperties.VERSION);
        if (!TermsConfigProperties.isValidVersion(version)) {
            throw new ValidationException(new ValidationError(getId(), TermsConfigProperties.VERSION,
                    TermsConfigProperties.INVALID_VERSION_MESSAGE));
        }
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
