package jp.kosmo.keycloak.metrics;

import java.util.Locale;

/**
 * Every value a tag of our counters can take, as enums: a counter's tags are fixed sets, so their number (and the
 * number of time series) stays bounded whatever members type or events carry. No tag ever holds a user id, a user
 * ID, an address or an IP. The tag value is the constant's name in lower case ({@link #value(Enum)}).
 */
public final class Tags {

    /** The onboarding step a member completed. */
    public enum Step { BIRTHDATE, TERMS, EMAIL_VERIFIED, METHOD_CHOSEN, COMPLETE }

    /** The sign-in method chosen at 【8】 ({@code other} for a value we do not know). */
    public enum Method { PASSKEY, APP_OTP, EMAIL_OTP, OTHER }

    /** Whether a method was chosen in the onboarding or in a recovery / admin reset. */
    public enum MethodContext { ONBOARDING, RECOVERY }

    /** Which of our mails. */
    public enum Mail { EMAIL_CODE, VERIFICATION, ADDRESS_IN_USE, RECOVERY_CODE, USER_ID, NOTICE }

    /** Whether the mail server took the mail. */
    public enum MailOutcome { SENT, FAILED }

    /** Which kind of code was wrong. */
    public enum Code { EMAIL_OTP, VERIFICATION, RECOVERY }

    /** The page where a wrong birthdate was typed. */
    public enum Page { LOGIN, RECOVERY, FORGOT_USER_ID }

    /** Which lockout Keycloak's brute-force detector started. */
    public enum Lockout { TEMPORARY, PERMANENT }

    /** What became of a forgot-user-ID request (the values of the event's {@code reason}, where one fits). */
    public enum ForgotUserIdOutcome {
        MAILED, MAIL_FAILED, NO_MEMBER_WITH_ADDRESS, ADDRESS_NOT_VERIFIED, NO_BIRTHDATE_ON_FILE, SEVERAL_MEMBERS,
        BIRTHDATE_MISMATCH, MEMBER_LOCKED, RATE_LIMITED, OTHER
    }

    /** How a member got into a recovery of the sign-in method. */
    public enum RecoveredBy { RECOVERY_CODE, EMAIL_CODE, ADMIN }

    /** Where a recovery is. */
    public enum RecoveryOutcome { STARTED, FAILED, SUCCEEDED }

    private Tags() {
    }

    /** The tag value of a constant: its name in lower case ({@code EMAIL_VERIFIED} → {@code email_verified}). */
    public static String value(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
