package jp.kosmo.keycloak.forgotuserid;

import java.util.Optional;

import jp.kosmo.keycloak.birthdate.BirthdateAuthenticatorFactory;
import jp.kosmo.keycloak.birthdate.BirthdateConfig;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowBindings;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/**
 * What the forgot-user-ID page needs from the login flow a member uses: the settings on its login form
 * ({@code kosmo-login-form}) and the birthdate attribute of its {@code kosmo-birthdate} step, so the page
 * compares the birthdate exactly as the login does. The flow is the client's browser-flow override, else the realm's
 * browser flow.
 */
public record LoginFlowSettings(ForgotUserIdConfig forgotUserId, String birthdateAttribute) {

    public static LoginFlowSettings of(RealmModel realm, ClientModel client) {
        AuthenticationFlowModel flow = browserFlow(realm, client);
        ForgotUserIdConfig config = ForgotUserIdConfig.of(
                findConfig(realm, flow, KosmoLoginFormFactory.PROVIDER_ID).orElse(null));
        String attribute = BirthdateConfig.of(
                findConfig(realm, flow, BirthdateAuthenticatorFactory.PROVIDER_ID).orElse(null)).attribute();
        return new LoginFlowSettings(config, attribute);
    }

    private static AuthenticationFlowModel browserFlow(RealmModel realm, ClientModel client) {
        if (client != null) {
            String override = client.getAuthenticationFlowBindingOverride(AuthenticationFlowBindings.BROWSER_BINDING);
            AuthenticationFlowModel flow = override == null ? null : realm.getAuthenticationFlowById(override);
            if (flow != null) {
                return flow;
            }
        }
        return realm.getBrowserFlow();
    }

    /** The configuration of the first execution of {@code providerId} in {@code flow} or its sub-flows that has one. */
    private static Optional<AuthenticatorConfigModel> findConfig(RealmModel realm, AuthenticationFlowModel flow, String providerId) {
        if (flow == null) {
            return Optional.empty();
        }
        return realm.getAuthenticationExecutionsStream(flow.getId())
                .filter(e -> e.getRequirement() != AuthenticationExecutionModel.Requirement.DISABLED)
                .map(e -> e.isAuthenticatorFlow()
                        ? findConfig(realm, realm.getAuthenticationFlowById(e.getFlowId()), providerId)
                        : providerId.equals(e.getAuthenticator()) && e.getAuthenticatorConfig() != null
                                ? Optional.ofNullable(realm.getAuthenticatorConfigById(e.getAuthenticatorConfig()))
                                : Optional.<AuthenticatorConfigModel>empty())
                .flatMap(Optional::stream)
                .findFirst();
    }
}
