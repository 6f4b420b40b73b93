package jp.kosmo.keycloak.enrolment;

import jp.kosmo.keycloak.recovery.KosmoRecoveryCodesFactory;
import jakarta.ws.rs.core.MultivaluedMap;

import jp.kosmo.keycloak.authmethod.MemberMethods;
import jp.kosmo.keycloak.onboarding.OnboardingProgress;
import jp.kosmo.keycloak.onboarding.OnboardingStep;
import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.keycloak.WebAuthnConstants;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegister;
import org.keycloak.models.KeycloakSession;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.CertPathTrustworthinessVerifier;

/**
 * 2-1 / 2-2: required action {@code kosmo-passkey-register}, Keycloak's passkey registration with the device name
 * typed on the page (manual 【6】) instead of a browser prompt, and the onboarding step shown. It takes over Keycloak's
 * {@code webauthn-register-passwordless} requests (admin, a required WebAuthn Passwordless step), see
 * {@link BuiltInRequest}.
 */
final class KosmoPasskeyRegister extends WebAuthnPasswordlessRegister {

    /** Longest device name kept; longer names are cut. */
    static final int MAX_LABEL_LENGTH = 64;

    private static final BuiltInRequest BUILT_IN =
            BuiltInRequest.of(RequiredActionIds.PASSKEY_REGISTER, RequiredActionIds.KEYCLOAK_PASSKEY_REGISTER);

    KosmoPasskeyRegister(KeycloakSession session, CertPathTrustworthinessVerifier trustVerifier) {
        super(session, trustVerifier);
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        BUILT_IN.takeOver(context);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        attachStep(context);
        super.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String label = form.getFirst(WebAuthnConstants.AUTHENTICATOR_LABEL);
        if (label != null) {
            String trimmed = label.strip();
            if (trimmed.length() > MAX_LABEL_LENGTH) {
                trimmed = trimmed.substring(0, MAX_LABEL_LENGTH);
            }
            form.putSingle(WebAuthnConstants.AUTHENTICATOR_LABEL, trimmed);
        }
        attachStep(context);
        super.processAction(context);
        MemberMethods.of(context.getUser()).enrolmentSucceeded();
        BUILT_IN.settle(context);
        if (context.getStatus() == RequiredActionContext.Status.SUCCESS) {
            KosmoRecoveryCodesFactory.enrolled(context.getAuthenticationSession());
        }
    }

    private static void attachStep(RequiredActionContext context) {
        OnboardingProgress.of(context.getSession(), context.getAuthenticationSession())
                .attachToCurrentForm(context.getUser(), OnboardingStep.ENROL);
    }
}
