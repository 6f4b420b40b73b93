package jp.kosmo.keycloak.onboarding;

import java.util.Optional;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keeps the {@link OnboardingPlan} of a login in its authentication session and puts "step n of m" on a page
 * (template attribute {@code kosmoStep}, rendered by the theme's footer hook).
 *
 * <p>The plan is made when the sitting's first onboarding page is shown, from the member's state and the realm's
 * settings ({@link OnboardingFacts}, {@link OnboardingPlan#of(MemberState, OnboardingSettings)}); nothing here runs
 * Keycloak's required-action triggers.
 */
public final class OnboardingProgress {

    /** Template attribute with a {@link StepPosition}. */
    public static final String ATTRIBUTE = "kosmoStep";

    private final KeycloakSession session;
    private final AuthenticationSessionModel authSession;

    private OnboardingProgress(KeycloakSession session, AuthenticationSessionModel authSession) {
        this.session = session;
        this.authSession = authSession;
    }

    public static OnboardingProgress of(KeycloakSession session, AuthenticationSessionModel authSession) {
        return new OnboardingProgress(session, authSession);
    }

    /**
     * Called by the birthdate check when it shows its page (so a birthdate is on file): the first page of an
     * onboarding, counted with the pages that follow it.
     *
     * @param askEveryLogin the check's "when to ask" setting
     */
    public void startAtBirthdate(UserModel user, boolean askEveryLogin) {
        if (authSession.getAuthNote(OnboardingPlan.NOTE) != null) {
            return;
        }
        save(make(user, askEveryLogin ? OnboardingSettings.BirthdateCheck.EVERY_LOGIN
                : OnboardingSettings.BirthdateCheck.UNTIL_PASSED, true));
    }

    /** Puts "step n of m" on the form, if this page is part of an onboarding. */
    public LoginFormsProvider attach(LoginFormsProvider form, UserModel user, OnboardingStep step) {
        position(user, step).ifPresent(position -> form.setAttribute(ATTRIBUTE, position));
        return form;
    }

    /** Same as {@link #attach}, on the login-forms provider Keycloak's own required actions will render with. */
    public void attachToCurrentForm(UserModel user, OnboardingStep step) {
        attach(session.getProvider(LoginFormsProvider.class), user, step);
    }

    public Optional<StepPosition> position(UserModel user, OnboardingStep step) {
        return plan(user).position(step);
    }

    /** The page will not come after all (for example no enrolment page for email codes). */
    public void drop(UserModel user, OnboardingStep step) {
        save(plan(user).without(step));
    }

    private OnboardingPlan plan(UserModel user) {
        String note = authSession.getAuthNote(OnboardingPlan.NOTE);
        if (note != null) {
            return OnboardingPlan.decode(note);
        }
        // the sitting's first page is not the birthdate check's: it let the member through without one
        OnboardingPlan plan = make(user, OnboardingSettings.BirthdateCheck.NOT_IN_THIS_SITTING, false);
        save(plan);
        return plan;
    }

    private OnboardingPlan make(UserModel user, OnboardingSettings.BirthdateCheck birthdate, boolean birthdateOnFile) {
        return OnboardingPlan.of(OnboardingFacts.member(user, authSession, birthdateOnFile),
                OnboardingFacts.realm(authSession.getRealm(), birthdate));
    }

    private void save(OnboardingPlan plan) {
        authSession.setAuthNote(OnboardingPlan.NOTE, plan.encode());
    }
}
