package jp.kosmo.keycloak.enrolment;

import jp.kosmo.keycloak.recovery.KosmoRecoveryCodesFactory;
import jp.kosmo.keycloak.authmethod.MemberMethods;
import jp.kosmo.keycloak.onboarding.OnboardingProgress;
import jp.kosmo.keycloak.onboarding.OnboardingStep;
import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.UpdateTotp;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.validation.Validation;
import org.keycloak.sessions.CommonClientSessionModel.ExecutionStatus;

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
        acceptBuiltInLinks(context, ExecutionStatus.CHALLENGED);
        super.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        FormInput.normaliseCode(context.getHttpRequest(), Validation.FIELD_OTP_CODE);
        attachStep(context);
        super.processAction(context);
        MemberMethods.of(context.getUser()).enrolmentSucceeded();
        BUILT_IN.settle(context);
        if (context.getStatus() == RequiredActionContext.Status.SUCCESS) {
            acceptBuiltInLinks(context, ExecutionStatus.SUCCESS);
            KosmoRecoveryCodesFactory.enrolled(context.getAuthenticationSession());
        }
    }

    /**
     * Keycloak's page links 「スキャンできませんか？」 (and back) to {@code execution=CONFIGURE_TOTP}, the built-in's id
     * ({@code TotpBean.getManualUrl}). Keycloak serves a page request for another execution than the current one
     * when that execution is marked as challenged in the authentication session ({@code SessionCodeChecks}), else it
     * shows "page expired". While our page stands in for the built-in, its id is marked challenged; once our page
     * succeeded, done.
     */
    private static void acceptBuiltInLinks(RequiredActionContext context, ExecutionStatus status) {
        context.getAuthenticationSession().setExecutionStatus(RequiredActionIds.KEYCLOAK_CONFIGURE_TOTP, status);
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
