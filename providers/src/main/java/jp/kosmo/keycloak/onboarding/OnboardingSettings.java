package jp.kosmo.keycloak.onboarding;

import java.util.Objects;

/**
 * The realm's side of the onboarding: which of its pages are switched on and how they are set.
 *
 * @param birthdate           whether the birthdate check shows its page in this sitting, and when it asks
 * @param termsEnabled        the required action {@code kosmo-terms} is enabled
 * @param currentTermsVersion the terms version members must have accepted
 * @param emailGateEnabled    the required action {@code kosmo-verified-email} is enabled
 * @param chooserEnabled      the required action {@code kosmo-auth-method} is enabled
 * @param enrolNow            the chosen method is enrolled in the same sitting (else at the next login)
 * @param recoveryCodes       recovery codes are offered or required after a passkey or app enrolment
 */
public record OnboardingSettings(BirthdateCheck birthdate, boolean termsEnabled, String currentTermsVersion,
                                 boolean emailGateEnabled, boolean chooserEnabled, boolean enrolNow,
                                 boolean recoveryCodes) {

    public OnboardingSettings {
        Objects.requireNonNull(birthdate, "birthdate");
        Objects.requireNonNull(currentTermsVersion, "currentTermsVersion");
    }

    /** A realm without the recovery-codes page. */
    public OnboardingSettings(BirthdateCheck birthdate, boolean termsEnabled, String currentTermsVersion,
                              boolean emailGateEnabled, boolean chooserEnabled, boolean enrolNow) {
        this(birthdate, termsEnabled, currentTermsVersion, emailGateEnabled, chooserEnabled, enrolNow, false);
    }

    /** The birthdate check's part in a sitting. */
    public enum BirthdateCheck {
        /** The sitting's pages are counted after the birthdate check (it let the member through without a page). */
        NOT_IN_THIS_SITTING,
        /** The check asks until the member passed it once. */
        UNTIL_PASSED,
        /** The check asks at every login. */
        EVERY_LOGIN
    }
}
