package jp.kosmo.keycloak.enrolment;

import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegisterFactory;
import org.keycloak.authentication.requiredactions.WebAuthnRegister;
import org.keycloak.models.KeycloakSession;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.CertPathTrustworthinessVerifier;

/** Replaces Keycloak's {@code webauthn-register-passwordless} (same id) with {@link KosmoPasskeyRegister}. */
public final class KosmoPasskeyRegisterFactory extends WebAuthnPasswordlessRegisterFactory {

    @Override
    protected WebAuthnRegister createProvider(KeycloakSession session, CertPathTrustworthinessVerifier trustVerifier) {
        return new KosmoPasskeyRegister(session, trustVerifier);
    }
}
