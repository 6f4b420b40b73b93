package jp.kosmo.keycloak.enrolment;

import jp.kosmo.keycloak.onboarding.OnboardingProgress;
import jp.kosmo.keycloak.onboarding.OnboardingStep;
import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.UpdatePassword;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.KeycloakSession;

/**
 * 【9】 required action {@code kosmo-update-password}: Keycloak's Update Password page, showing where the member is in
 * the onboarding; after a password reset "sign out from all devices" starts checked. It takes over Keycloak's
 * {@code UPDATE_PASSWORD} requests (temporary password, admin, reset flow), see {@link BuiltInRequest}.
 */
public final class KosmoUpdatePassword extends UpdatePassword {

    public static final String PROVIDER_ID = RequiredActionIds.UPDATE_PASSWORD;

    /** Template attribute read by the theme's password-commons.ftl. */
    static final String LOGOUT_SESSIONS_CHECKED = "kosmoLogoutSessionsChecked";

    private static final BuiltInRequest BUILT_IN =
            BuiltInRequest.of(PROVIDER_ID, RequiredActionIds.KEYCLOAK_UPDATE_PASSWORD);

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
        attachStep(context);
        super.processAction(context);
        BUILT_IN.settle(context);
    }

    private static void attachStep(RequiredActionContext context) {
        OnboardingProgress.of(context.getSession(), context.getAuthenticationSession())
                .attachToCurrentForm(context.getUser(), OnboardingStep.PASSWORD);
        context.getSession().getProvider(LoginFormsProvider.class)
                .setAttribute(LOGOUT_SESSIONS_CHECKED, isPasswordReset(context));
    }

    /**
     * True when this login went through the realm's reset-credentials flow ("forgot password"): one of that
     * flow's executions has a status in this authentication session.
     */
    static boolean isPasswordReset(RequiredActionContext context) {
        AuthenticationFlowModel resetFlow = context.getRealm().getResetCredentialsFlow();
        if (resetFlow == null) {
            return false;
        }
        var statuses = context.getAuthenticationSession().getExecutionStatus();
        return context.getRealm().getAuthenticationExecutionsStream(resetFlow.getId())
                .anyMatch(execution -> statuses.containsKey(execution.getId()));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "KOSMO: update password";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new KosmoUpdatePassword();
    }
}
