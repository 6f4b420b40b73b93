package jp.kosmo.keycloak.authmethod;

import java.util.List;

import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.emailotp.EmailOtpCredentialModel;
import jp.kosmo.keycloak.emailotp.EmailOtpCredentialProvider;
import jp.kosmo.keycloak.emailotp.EmailOtpCredentialProviderFactory;
import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.onboarding.OnboardingProgress;
import jp.kosmo.keycloak.onboarding.OnboardingStep;
import jp.kosmo.keycloak.recovery.RecoveryNotes;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * 【8】 認証方法を選択します: the member picks how they will sign in from now on. Passkey and authenticator app
 * are then enrolled through Keycloak's own required actions (now, or at the next login by configuration);
 * email codes need no set-up because the address was just verified.
 */
public final class AuthMethodAction implements RequiredActionProvider {

    public static final String FIELD = "method";
    /** Auth-session note: a method was chosen in this sitting (drives the completion page). */
    public static final String CHOSEN_NOTE = "kosmo.onboarding.chosen";
    static final String TEMPLATE = "kosmo-auth-method.ftl";

    /**
     * Asks for the chooser, or for the enrolment chosen at an earlier login, on this login only (authentication
     * session): nothing is written on the member here. The member's own choice is written in {@link #processAction};
     * the attribute of a choice for the next login goes when its enrolment succeeds
     * ({@link MemberMethods#enrolmentSucceeded()}).
     */
    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        MemberMethods methods = MemberMethods.of(context.getUser());
        var authSession = context.getAuthenticationSession();
        if (methods.hasEnrolledMethod() || methods.hasEnrolmentPending() || authSession.getAuthNote(CHOSEN_NOTE) != null) {
            return;
        }
        var pending = methods.pendingForNextLogin().flatMap(AuthMethod::enrolmentAction);
        if (pending.isPresent()) {
            // chosen at an earlier login with "enrol at the next login": this is that login
            authSession.addRequiredAction(pending.get());
            return;
        }
        authSession.addRequiredAction(AuthMethodActionFactory.PROVIDER_ID);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(form(context, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        UserModel user = context.getUser();
        AuthMethodConfig config = AuthMethodConfig.of(context.getConfig());
        List<AuthMethod> offered = offered(context, config);
        String choice = context.getHttpRequest().getDecodedFormParameters().getFirst(FIELD);
        AuthMethod method = AuthMethod.byId(choice).filter(offered::contains).orElse(null);
        if (method == null) {
            context.challenge(form(context, "kosmoAuthMethodRequired"));
            return;
        }

        RecoveryNotes recovery = RecoveryNotes.of(context.getAuthenticationSession());
        if (recovery.active()) {
            chooseInRecovery(context, recovery, method);
            return;
        }

        OnboardingProgress progress = OnboardingProgress.of(context.getSession(), context.getAuthenticationSession());
        user.setSingleAttribute(MemberMethods.CHOSEN_ATTRIBUTE, method.id());
        context.getAuthenticationSession().setAuthNote(CHOSEN_NOTE, method.id());
        // a new choice replaces any older one still waiting for a next login
        user.removeAttribute(MemberMethods.PENDING_ATTRIBUTE);
        if (method == AuthMethod.EMAIL_OTP) {
            EmailOtpCredentialProvider provider = (EmailOtpCredentialProvider) context.getSession()
                    .getProvider(CredentialProvider.class, EmailOtpCredentialProviderFactory.PROVIDER_ID);
            if (!provider.hasCredential(user)) {
                provider.createCredential(context.getRealm(), user, EmailOtpCredentialModel.create(user.getEmail()));
            }
            progress.drop(user, OnboardingStep.ENROL);
            progress.drop(user, OnboardingStep.RECOVERY_CODES);
        } else if (config.enrolNow()) {
            method.enrolmentAction().ifPresent(user::addRequiredAction);
        } else {
            user.setSingleAttribute(MemberMethods.PENDING_ATTRIBUTE, method.id());
            progress.drop(user, OnboardingStep.ENROL);
            progress.drop(user, OnboardingStep.RECOVERY_CODES);
        }

        // on the event Keycloak emits for the action's success (CUSTOM_REQUIRED_ACTION): one event per choice
        context.getEvent().detail(KosmoEvents.DETAIL_AUTH_METHOD, method.id())
                .detail(KosmoEvents.DETAIL_ENROLMENT, method == AuthMethod.EMAIL_OTP ? KosmoEvents.ENROLMENT_DONE
                        : config.enrolNow() ? KosmoEvents.ENROLMENT_NOW : KosmoEvents.ENROLMENT_NEXT_LOGIN);
        context.success();
    }

    /**
     * A recovery (changed or lost phone) or an admin reset: the choice is kept in the login only and enrolled now,
     * asked for in the authentication session; nothing on the member changes until the new method works
     * ({@link jp.kosmo.keycloak.recovery.ResetSignInMethodAction}), so an abandoned recovery leaves the old method.
     */
    private static void chooseInRecovery(RequiredActionContext context, RecoveryNotes recovery, AuthMethod method) {
        UserModel user = context.getUser();
        recovery.chose(method);
        if (method == AuthMethod.EMAIL_OTP) {
            EmailOtpCredentialProvider provider = (EmailOtpCredentialProvider) context.getSession()
                    .getProvider(CredentialProvider.class, EmailOtpCredentialProviderFactory.PROVIDER_ID);
            if (!provider.hasCredential(user)) {
                provider.createCredential(context.getRealm(), user, EmailOtpCredentialModel.create(user.getEmail()));
            }
        } else {
            method.enrolmentAction().ifPresent(context.getAuthenticationSession()::addRequiredAction);
        }
        context.getEvent().detail(KosmoEvents.DETAIL_AUTH_METHOD, method.id())
                .detail(KosmoEvents.DETAIL_ENROLMENT, method == AuthMethod.EMAIL_OTP ? KosmoEvents.ENROLMENT_DONE
                        : KosmoEvents.ENROLMENT_NOW)
                .detail(KosmoEvents.DETAIL_RECOVERED_BY, recovery.by().orElse(""));
        context.success();
    }

    /** Email codes are only offered to a member whose address is verified. */
    private static List<AuthMethod> offered(RequiredActionContext context, AuthMethodConfig config) {
        UserModel user = context.getUser();
        boolean verifiedEmail = user.getEmail() != null && user.isEmailVerified();
        return config.methods().stream().filter(m -> m != AuthMethod.EMAIL_OTP || verifiedEmail).toList();
    }

    private static Response form(RequiredActionContext context, String error) {
        AuthMethodConfig config = AuthMethodConfig.of(context.getConfig());
        var form = context.form()
                .setAttribute("kosmoMethods", offered(context, config).stream().map(AuthMethod::id).toList());
        OnboardingProgress.of(context.getSession(), context.getAuthenticationSession())
                .attach(form, context.getUser(), OnboardingStep.METHOD);
        if (error != null) {
            form.addError(new FormMessage(FIELD, error));
        }
        return form.createForm(TEMPLATE);
    }

    @Override
    public void close() {
    }
}
