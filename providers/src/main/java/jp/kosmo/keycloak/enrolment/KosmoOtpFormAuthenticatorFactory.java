package jp.kosmo.keycloak.enrolment;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Authenticator {@code kosmo-otp-form}: {@link KosmoOtpFormAuthenticator} next to Keycloak's {@code auth-otp-form},
 * which stays as it is.
 */
public final class KosmoOtpFormAuthenticatorFactory extends OTPFormAuthenticatorFactory {

    public static final String PROVIDER_ID = "kosmo-otp-form";

    private static final KosmoOtpFormAuthenticator SINGLETON = new KosmoOtpFormAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "KOSMO: OTP form";
    }

    @Override
    public String getHelpText() {
        return "kosmoAdminOtpFormHelp";
    }
}
