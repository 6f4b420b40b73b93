package jp.kosmo.keycloak.onboarding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.kosmo.keycloak.terms.TermsConfig;

/**
 * Which onboarding pages this member sees in this sitting, in order, so every page can say "step n of m".
 *
 * <p>The plan is worked out once per login by {@link #of(MemberState, OnboardingSettings)}, a pure function of the
 * member's state and the realm's settings, when the first page of the sitting is shown, and kept in an
 * authentication-session note, so the count stays the same while the member's state changes page by page. Pages that
 * turn out not to come (no enrolment and no recovery-codes page after choosing email codes) are dropped from it as
 * soon as that is known.
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
     * The pages this member will see in this sitting, in order, from the member's state and the realm's settings
     * alone. The one place that decides it; pages only ask for their position in it.
     */
    public static OnboardingPlan of(MemberState member, OnboardingSettings realm) {
        List<OnboardingStep> steps = new ArrayList<>();
        if (birthdateAsked(member, realm.birthdate())) {
            steps.add(OnboardingStep.BIRTHDATE);
        }
        if (realm.termsEnabled() && new TermsConfig(realm.currentTermsVersion()).needsAcceptance(member.acceptedTermsVersion())) {
            steps.add(OnboardingStep.TERMS);
        }
        if (realm.emailGateEnabled() && !member.verifiedAddress()) {
            steps.add(OnboardingStep.EMAIL);
        }
        MemberState.Method method = member.method();
        boolean choosing = realm.chooserEnabled()
                && (method == MemberState.Method.NONE || method == MemberState.Method.LOST);
        if (choosing) {
            steps.add(OnboardingStep.METHOD);
        }
        boolean enrolling = (choosing && realm.enrolNow())
                || method == MemberState.Method.ENROLMENT_PENDING
                || (method == MemberState.Method.NEXT_LOGIN && realm.chooserEnabled());
        if (enrolling) {
            steps.add(OnboardingStep.ENROL);
            if (realm.recoveryCodes() && !member.hasRecoveryCodes()) {
                steps.add(OnboardingStep.RECOVERY_CODES);
            }
        }
        if (member.temporaryPassword()) {
            steps.add(OnboardingStep.PASSWORD);
        }
        if (choosing) {
            steps.add(OnboardingStep.COMPLETE);
        }
        return new OnboardingPlan(steps);
    }

    private static boolean birthdateAsked(MemberState member, OnboardingSettings.BirthdateCheck check) {
        return member.birthdateOnFile() && switch (check) {
            case NOT_IN_THIS_SITTING -> false;
            case UNTIL_PASSED -> !member.birthdatePassed();
            case EVERY_LOGIN -> true;
        };
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
