package jp.kosmo.keycloak.enrolment;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;

/** Replaces Keycloak's {@code auth-otp-form} (same id) with {@link KosmoOtpFormAuthenticator}. */
public final class KosmoOtpFormAuthenticatorFactory extends OTPFormAuthenticatorFactory {

    private static final KosmoOtpFormAuthenticator SINGLETON = new KosmoOtpFormAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
