package jp.kosmo.keycloak.enrolment;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticator;

/** Keycloak's OTP Form for later logins, accepting codes typed with spaces or full-width digits. */
final class KosmoOtpFormAuthenticator extends OTPFormAuthenticator {

    /** The field OTPFormAuthenticator reads (Keycloak has no constant for it). */
    static final String FIELD = "otp";

    @Override
    public void action(AuthenticationFlowContext context) {
        FormInput.normaliseCode(context.getHttpRequest(), FIELD);
        super.action(context);
    }
}
