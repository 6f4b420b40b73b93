package jp.kosmo.keycloak.onboarding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which onboarding pages this member sees in this sitting, in order, so every page can say "step n of m".
 *
 * <p>The plan is worked out once per login from what Keycloak will ask (the required actions pending for the
 * member after their triggers ran) and kept in an authentication-session note; pages that turn out not to
 * come (no enrolment page after choosing email codes) are dropped from it as soon as that is known.
 */
public final class OnboardingPlan {

    static final String NOTE = "kosmo.onboarding.plan";

    private final List<OnboardingStep> steps;

    OnboardingPlan(List<OnboardingStep> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<OnboardingStep> steps() {
        return steps;
    }

    /**
     * The plan for a member with these pending required actions.
     *
     * @param birthdateShown whether the birthdate page is part of this sitting
     * @param pendingActions ids of the required actions Keycloak will run
     * @param enrolNow       whether the chosen method is enrolled in the same sitting
     */
    public static OnboardingPlan of(boolean birthdateShown, Set<String> pendingActions, boolean enrolNow) {
        List<OnboardingStep> steps = new ArrayList<>();
        if (birthdateShown) {
            steps.add(OnboardingStep.BIRTHDATE);
        }
        if (pendingActions.contains(RequiredActionIds.TERMS)) {
            steps.add(OnboardingStep.TERMS);
        }
        if (pendingActions.contains(RequiredActionIds.VERIFIED_EMAIL)) {
            steps.add(OnboardingStep.EMAIL);
        }
        boolean choosing = pendingActions.contains(RequiredActionIds.AUTH_METHOD);
        if (choosing) {
            steps.add(OnboardingStep.METHOD);
        }
        if ((choosing && enrolNow) || pendingActions.contains(RequiredActionIds.CONFIGURE_TOTP)
                || pendingActions.contains(RequiredActionIds.PASSKEY_REGISTER)) {
            steps.add(OnboardingStep.ENROL);
        }
        if (pendingActions.contains(RequiredActionIds.UPDATE_PASSWORD)) {
            steps.add(OnboardingStep.PASSWORD);
        }
        if (choosing || pendingActions.contains(RequiredActionIds.ONBOARDING_COMPLETE)) {
            steps.add(OnboardingStep.COMPLETE);
        }
        return new OnboardingPlan(steps);
    }

    public OnboardingPlan without(OnboardingStep step) {
        List<OnboardingStep> rest = new ArrayList<>(steps);
        rest.remove(step);
        return new OnboardingPlan(rest);
    }

    /**
     * Where this page stands, if it is shown as part of an onboarding: a lone password change (an admin reset)
     * or a lone birthdate check is not an onboarding and gets no indicator; a lone enrolment (the manual's
     * "set up the method at the next login") does.
     */
    public Optional<StepPosition> position(OnboardingStep step) {
        int index = steps.indexOf(step);
        if (index < 0) {
            return Optional.empty();
        }
        boolean onboarding = steps.size() >= 2 || steps.equals(List.of(OnboardingStep.ENROL));
        return onboarding ? Optional.of(new StepPosition(index + 1, steps.size())) : Optional.empty();
    }

    String encode() {
        return steps.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static OnboardingPlan decode(String note) {
        if (note == null || note.isBlank()) {
            return new OnboardingPlan(List.of());
        }
        EnumSet<OnboardingStep> known = EnumSet.allOf(OnboardingStep.class);
        return new OnboardingPlan(Arrays.stream(note.split(","))
                .filter(name -> known.stream().anyMatch(s -> s.name().equals(name)))
                .map(OnboardingStep::valueOf)
                .toList());
    }
}
