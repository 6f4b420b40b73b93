package jp.kosmo.keycloak.authmethod;

import jp.kosmo.keycloak.onboarding.OnboardingProgress;
import jp.kosmo.keycloak.onboarding.OnboardingStep;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;

/**
 * 【10】 初回ログインが完了しました — the last page of a sitting in which the member chose their method. With
 * "enrol at the next login" it also tells them to log out and log in again to set the method up 【11】.
 */
public final class OnboardingCompleteAction implements RequiredActionProvider {

    static final String TEMPLATE = "kosmo-onboarding-complete.ftl";
    static final String DONE_NOTE = "kosmo.onboarding.completed";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        var authSession = context.getAuthenticationSession();
        if (authSession.getAuthNote(AuthMethodAction.CHOSEN_NOTE) != null && authSession.getAuthNote(DONE_NOTE) == null) {
            authSession.addRequiredAction(OnboardingCompleteActionFactory.PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        var form = context.form()
                .setAttribute("kosmoEnrolNextLogin", !AuthMethodConfig.of(context.getRealm()).enrolNow()
                        && MemberMethods.of(context.getUser()).pendingForNextLogin().isPresent());
        OnboardingProgress.of(context.getSession(), context.getAuthenticationSession())
                .attach(form, context.getUser(), OnboardingStep.COMPLETE);
        context.challenge(form.createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.getAuthenticationSession().setAuthNote(DONE_NOTE, "true");
        context.success();
    }

    @Override
    public void close() {
    }
}
