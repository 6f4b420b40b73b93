package jp.kosmo.keycloak.onboarding;

/**
 * What decides a member's onboarding pages, as read at the start of a sitting.
 *
 * @param birthdatePassed      the member passed the birthdate check once ({@code kosmoBirthdateVerifiedAt} is set)
 * @param birthdateOnFile      a usable birthdate is on file (without one the check shows no question)
 * @param acceptedTermsVersion the terms version the member accepted last; null: never
 * @param verifiedAddress      the member has an email address and it is verified
 * @param method               where the member stands with the sign-in methods
 * @param temporaryPassword    the password must be changed (a temporary password, a reset)
 * @param hasRecoveryCodes     the member has recovery codes already
 */
public record MemberState(boolean birthdatePassed, boolean birthdateOnFile, String acceptedTermsVersion,
                          boolean verifiedAddress, Method method, boolean temporaryPassword, boolean hasRecoveryCodes) {

    /** A member without recovery codes. */
    public MemberState(boolean birthdatePassed, boolean birthdateOnFile, String acceptedTermsVersion,
                       boolean verifiedAddress, Method method, boolean temporaryPassword) {
        this(birthdatePassed, birthdateOnFile, acceptedTermsVersion, verifiedAddress, method, temporaryPassword, false);
    }

    /** The member's sign-in method (passkey, app OTP, email codes). */
    public enum Method {
        /** Never chose one: a new member. */
        NONE,
        /** Has an enrolled credential (the truth). */
        ENROLLED,
        /** Chose one whose enrolment page is waiting on the member (chosen "now" and left, or asked for by an admin). */
        ENROLMENT_PENDING,
        /** Chose one to be enrolled at the next login (manual 【11】): this is that login. */
        NEXT_LOGIN,
        /** Had chosen one, but none is enrolled or waiting any more (removed in the account console or by an admin). */
        LOST
    }
}
