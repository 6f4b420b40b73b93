package jp.kosmo.keycloak.enrolment;

import jp.kosmo.keycloak.onboarding.OnboardingProgress;
import jp.kosmo.keycloak.onboarding.OnboardingStep;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.UpdatePassword;
import org.keycloak.models.KeycloakSession;

/** 【9】 Keycloak's UPDATE_PASSWORD (same id, replaces it), showing where the member is in the onboarding. */
public final class KosmoUpdatePassword extends UpdatePassword {

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        attachStep(context);
        super.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        attachStep(context);
        super.processAction(context);
    }

    private static void attachStep(RequiredActionContext context) {
        OnboardingProgress.of(context.getSession(), context.getAuthenticationSession())
                .attachToCurrentForm(context.getUser(), OnboardingStep.PASSWORD);
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new KosmoUpdatePassword();
    }
}
