package jp.kosmo.keycloak.enrolment;

import jp.kosmo.keycloak.onboarding.OnboardingProgress;
import jp.kosmo.keycloak.onboarding.OnboardingStep;
import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.UpdateTotp;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.validation.Validation;

/**
 * 2-3 to 2-5: required action {@code kosmo-configure-totp}, Keycloak's Configure OTP page accepting codes typed with
 * spaces or full-width digits and showing where the member is in the onboarding. It takes over Keycloak's
 * {@code CONFIGURE_TOTP} requests (admin, a required OTP Form), see {@link BuiltInRequest}.
 */
public final class KosmoUpdateTotp extends UpdateTotp {

    public static final String PROVIDER_ID = RequiredActionIds.CONFIGURE_TOTP;

    private static final BuiltInRequest BUILT_IN =
            BuiltInRequest.of(PROVIDER_ID, RequiredActionIds.KEYCLOAK_CONFIGURE_TOTP);

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
        FormInput.normaliseCode(context.getHttpRequest(), Validation.FIELD_OTP_CODE);
        attachStep(context);
        super.processAction(context);
        BUILT_IN.settle(context);
    }

    private static void attachStep(RequiredActionContext context) {
        OnboardingProgress.of(context.getSession(), context.getAuthenticationSession())
                .attachToCurrentForm(context.getUser(), OnboardingStep.ENROL);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "KOSMO: configure OTP (authenticator app)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }
}
