package jp.kosmo.keycloak.onboarding;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jp.kosmo.keycloak.authmethod.AuthMethodConfig;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keeps the {@link OnboardingPlan} of a login in its authentication session and puts "step n of m" on a page
 * (template attribute {@code kosmoStep}, rendered by the theme's footer hook).
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
     * Called by the birthdate check when it shows its page: the first page of an onboarding. Lets Keycloak's
     * required-action triggers run now (they would run right after this step anyway; they only add actions)
     * so the plan counts the pages that follow.
     */
    public void startAtBirthdate(UserModel user) {
        if (authSession.getAuthNote(OnboardingPlan.NOTE) != null) {
            return;
        }
        RealmModel realm = authSession.getRealm();
        AuthenticationManager.evaluateRequiredActionTriggers(session, authSession, session.getContext().getHttpRequest(),
                new org.keycloak.events.EventBuilder(realm, session, session.getContext().getConnection()), realm, user);
        save(OnboardingPlan.of(true, pendingActions(user), enrolNow(realm)));
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
        OnboardingPlan plan = OnboardingPlan.of(false, pendingActions(user), enrolNow(authSession.getRealm()));
        save(plan);
        return plan;
    }

    private void save(OnboardingPlan plan) {
        authSession.setAuthNote(OnboardingPlan.NOTE, plan.encode());
    }

    private Set<String> pendingActions(UserModel user) {
        Set<String> pending = new HashSet<>(authSession.getRequiredActions());
        user.getRequiredActionsStream().forEach(pending::add);
        return pending;
    }

    private static boolean enrolNow(RealmModel realm) {
        return AuthMethodConfig.of(realm).enrolNow();
    }
}
