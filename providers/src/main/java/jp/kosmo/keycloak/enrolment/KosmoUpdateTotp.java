package jp.kosmo.keycloak.enrolment;

import jp.kosmo.keycloak.authmethod.MemberMethods;
import jp.kosmo.keycloak.onboarding.OnboardingProgress;
import jp.kosmo.keycloak.onboarding.OnboardingStep;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.UpdateTotp;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.validation.Validation;

/**
 * 2-3 to 2-5: Keycloak's CONFIGURE_TOTP (same id, replaces it), accepting codes typed with spaces or
 * full-width digits and showing where the member is in the onboarding.
 */
public final class KosmoUpdateTotp extends UpdateTotp {

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        attachStep(context);
        super.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        FormInput.normaliseCode(context.getHttpRequest(), Validation.FIELD_OTP_CODE);
        attachStep(context);
        super.processAction(context);
        MemberMethods.of(context.getUser()).enrolmentSucceeded();
    }

    private static void attachStep(RequiredActionContext context) {
        OnboardingProgress.of(context.getSession(), context.getAuthenticationSession())
                .attachToCurrentForm(context.getUser(), OnboardingStep.ENROL);
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }
}
