package jp.kosmo.keycloak.enrolment;

import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegisterFactory;
import org.keycloak.authentication.requiredactions.WebAuthnRegister;
import org.keycloak.models.KeycloakSession;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.CertPathTrustworthinessVerifier;

/**
 * Required action {@code kosmo-passkey-register}: {@link KosmoPasskeyRegister} next to Keycloak's
 * {@code webauthn-register-passwordless}, which stays as it is.
 */
public final class KosmoPasskeyRegisterFactory extends WebAuthnPasswordlessRegisterFactory {

    public static final String PROVIDER_ID = RequiredActionIds.PASSKEY_REGISTER;

    @Override
    protected WebAuthnRegister createProvider(KeycloakSession session, CertPathTrustworthinessVerifier trustVerifier) {
        return new KosmoPasskeyRegister(session, trustVerifier);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "KOSMO: register a passkey";
    }
}
