package jp.kosmo.keycloak.recovery;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.onboarding.OnboardingProgress;
import jp.kosmo.keycloak.onboarding.OnboardingStep;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.authenticators.browser.RecoveryAuthnCodesFormAuthenticator;
import org.keycloak.authentication.requiredactions.RecoveryAuthnCodesAction;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.forms.login.freemarker.model.RecoveryAuthnCodesBean;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Recovery codes as a step of the onboarding (required action {@value KosmoRecoveryCodesFactory#PROVIDER_ID}):
 * after a passkey or authenticator app was enrolled in this sitting (our enrolment pages say so,
 * {@link #enrolled}), a member without recovery codes sees Keycloak's codes on our page (step n of m, printable,
 * a confirmation tick), offered (with 「あとで」) or required by the setting {@value RecoveryCodesMode#SETTING}.
 * Saving is Keycloak's own: {@link RecoveryAuthnCodesAction#processAction} checks the codes against the ones this
 * page put in the authentication session and stores the credential ({@code UPDATE_CREDENTIAL} event).
 */
final class KosmoRecoveryCodes extends RecoveryAuthnCodesAction {

    static final String TEMPLATE = "kosmo-recovery-codes.ftl";
    static final String SKIP = "skip";
    static final String CONFIRM = "kosmoSaved";
    static final String ENROLLED_NOTE = "kosmo.recovery-codes.enrolled";
    static final String DONE_NOTE = "kosmo.recovery-codes.done";

    /** Called by our enrolment pages when a passkey or authenticator app was enrolled in this login. */
    static void enrolled(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(ENROLLED_NOTE, "true");
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getAuthNote(ENROLLED_NOTE) == null || authSession.getAuthNote(DONE_NOTE) != null
                || RecoveryCodesMode.of(context.getRealm()) == RecoveryCodesMode.OFF || hasCodes(context.getUser())) {
            return;
        }
        authSession.addRequiredAction(KosmoRecoveryCodesFactory.PROVIDER_ID);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(form(context, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        RecoveryCodesMode mode = RecoveryCodesMode.of(context.getRealm());
        if (params.containsKey(SKIP) && mode != RecoveryCodesMode.REQUIRED) {
            context.getAuthenticationSession().setAuthNote(DONE_NOTE, "skipped");
            context.getEvent().detail(KosmoEvents.DETAIL_RECOVERY_CODES, KosmoEvents.RECOVERY_CODES_SKIPPED);
            context.success();
            return;
        }
        if (!"on".equals(params.getFirst(CONFIRM))) {
            context.challenge(form(context, "kosmoRecoveryCodesConfirmRequired"));
            return;
        }
        context.getAuthenticationSession().setAuthNote(DONE_NOTE, "saved");
        super.processAction(context);
    }

    private static boolean hasCodes(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(RecoveryAuthnCodesCredentialModel.TYPE)
                .findAny().isPresent();
    }

    /** A new set of codes, kept in the authentication session as Keycloak's own page keeps them. */
    private static Response form(RequiredActionContext context, String error) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        RecoveryAuthnCodesBean codes = new RecoveryAuthnCodesBean();
        authSession.setAuthNote(RecoveryAuthnCodesFormAuthenticator.GENERATED_RECOVERY_AUTHN_CODES_NOTE,
                codes.getGeneratedRecoveryAuthnCodesAsString());
        authSession.setAuthNote(RecoveryAuthnCodesFormAuthenticator.GENERATED_AT_NOTE, Long.toString(codes.getGeneratedAt()));
        LoginFormsProvider form = context.form()
                .setAttribute("recoveryAuthnCodesConfigBean", codes)
                .setAttribute("kosmoRecoveryCodesOptional",
                        RecoveryCodesMode.of(context.getRealm()) != RecoveryCodesMode.REQUIRED);
        OnboardingProgress.of(context.getSession(), authSession).attach(form, context.getUser(), OnboardingStep.RECOVERY_CODES);
        if (error != null) {
            form.addError(new FormMessage(CONFIRM, error));
        }
        return form.createForm(TEMPLATE);
    }
}
