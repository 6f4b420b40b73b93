package jp.kosmo.keycloak.forgotuserid;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Replaces Keycloak's {@code auth-username-password-form} (same id) with {@link KosmoLoginForm}: the same login
 * form, plus settings for the 「ユーザIDを忘れた方はこちら」 link and the page behind it.
 */
public final class KosmoLoginFormFactory extends UsernamePasswordFormFactory {

    @Override
    public Authenticator create(KeycloakSession session) {
        return new KosmoLoginForm(session);
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
