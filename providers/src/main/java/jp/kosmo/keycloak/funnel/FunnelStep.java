package jp.kosmo.keycloak.funnel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The steps of the onboarding funnel, in the manual's order, each with the one SQL condition that says a member has
 * passed it. The conditions read the columns of {@link MemberFacts} (row {@code m}: what a member's attributes,
 * credentials and required actions say, gathered in one pass per table), so counting never loads a member. A member
 * <em>reached</em> a step when they passed it and every step before; they are <em>stuck</em> at the first step they
 * have not passed.
 */
public enum FunnelStep {

    /** A roster letter was issued: an activation password was set by the roster import or a re-issue ({@code kosmoActivationExpiresAt}). */
    LETTER_ISSUED("letter-issued", "m.LETTER = 1"),
    /**
     * Typed the right user ID and password once ({@link FirstSignIn}); a passed birthdate counts too (members who
     * signed in before the mark existed).
     */
    SIGNED_IN("signed-in", "(m.SIGNED_IN = 1 OR m.BIRTHDATE = 1)"),
    /** Passed the birthdate check 【3】 once ({@code kosmoBirthdateVerifiedAt}). */
    BIRTHDATE_PASSED("birthdate-passed", "m.BIRTHDATE = 1"),
    /** Accepted the current version of the terms 【4】 ({@code kosmoTermsVersion} = the {@code kosmo-terms} action's version). */
    TERMS_ACCEPTED("terms-accepted", "m.TERMS = 1"),
    /** Has an email address and it is verified 【5】-【7】. */
    EMAIL_VERIFIED("email-verified", "m.EMAIL_VERIFIED = 1"),
    /** Chose a method 【8】: one is enrolled (a credential), or chosen for the next login ({@code kosmoAuthMethodPending}). */
    METHOD_CHOSEN("method-chosen", "(m.ENROLLED = 1 OR m.PENDING = 1)"),
    /** Done: a method is enrolled and no password change 【9】 is pending (the letter's temporary password is gone). */
    ONBOARDING_COMPLETE("onboarding-complete", "(m.ENROLLED = 1 AND m.PASSWORD_CHANGE = 0)");

    private final String id;
    private final String passed;

    FunnelStep(String id, String passed) {
        this.id = id;
        this.passed = passed;
    }

    /** The step's name in the API, the CSV and the admin guide. */
    public String id() {
        return id;
    }

    /** SQL: member {@code m} has passed this step (whatever the steps before). */
    public String passed() {
        return passed;
    }

    /** SQL: member {@code m} has passed this step and every step before it. */
    public String reached() {
        return Arrays.stream(values()).filter(s -> s.ordinal() <= ordinal()).map(FunnelStep::passed)
                .collect(Collectors.joining(" AND ", "(", ")"));
    }

    /** SQL: this is the first step member {@code m} has not passed. */
    public String stuck() {
        return ordinal() == 0 ? "NOT " + passed : "(" + values()[ordinal() - 1].reached() + " AND NOT " + passed + ")";
    }

    public static Optional<FunnelStep> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(FunnelStep::id).toList();
    }
}
