package jp.kosmo.keycloak.forgotuserid;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Authenticator {@code kosmo-login-form}: Keycloak's Username Password Form as {@link KosmoLoginForm}, plus settings
 * for the 「ユーザIDを忘れた方はこちら」 link and the page behind it. Keycloak's {@code auth-username-password-form}
 * stays as it is.
 */
public final class KosmoLoginFormFactory extends UsernamePasswordFormFactory {

    public static final String PROVIDER_ID = "kosmo-login-form";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new KosmoLoginForm(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "KOSMO: username password form";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ForgotUserIdConfigProperties.CONFIG_PROPERTIES;
    }

    @Override
    public String getHelpText() {
        return "kosmoAdminLoginFormHelp";
    }
}
