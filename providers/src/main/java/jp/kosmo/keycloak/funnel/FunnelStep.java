package jp.kosmo.keycloak.funnel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.kosmo.keycloak.authmethod.AuthMethod;
import jp.kosmo.keycloak.authmethod.MemberMethods;
import jp.kosmo.keycloak.birthdate.BirthdateAuthenticator;
import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import jp.kosmo.keycloak.roster.ActivationPassword;
import jp.kosmo.keycloak.terms.TermsRequiredAction;

/**
 * The steps of the onboarding funnel, in the manual's order, each with the one SQL condition that says a member
 * (row {@code u} of Keycloak's {@code USER_ENTITY}) has passed it. Every condition is an index look-up by the member's
 * id in {@code USER_ATTRIBUTE}, {@code CREDENTIAL} or {@code USER_REQUIRED_ACTION} (their {@code USER_ID} indexes), so
 * counting never loads a member. A member <em>reached</em> a step when they passed it and every step before; they are
 * <em>stuck</em> at the first step they have not passed.
 */
public enum FunnelStep {

    /** A roster letter was issued: an activation password was set by the roster import or a re-issue. */
    LETTER_ISSUED("letter-issued", attribute(ActivationPassword.EXPIRES_AT)),
    /**
     * Typed the right user ID and password once ({@link FirstSignIn}); a passed birthdate counts too (members who
     * signed in before the mark existed).
     */
    SIGNED_IN("signed-in", "(" + attribute(FirstSignIn.ATTRIBUTE) + " OR " + attribute(BirthdateAuthenticator.VERIFIED_AT_ATTRIBUTE) + ")"),
    /** Passed the birthdate check 【3】 once. */
    BIRTHDATE_PASSED("birthdate-passed", attribute(BirthdateAuthenticator.VERIFIED_AT_ATTRIBUTE)),
    /** Accepted the current version of the terms 【4】 (the {@code kosmo-terms} action's configured version). */
    TERMS_ACCEPTED("terms-accepted", "EXISTS (SELECT 1 FROM {h-schema}USER_ATTRIBUTE a WHERE a.USER_ID = u.ID AND a.NAME = '"
            + TermsRequiredAction.VERSION_ATTRIBUTE + "' AND a.VALUE = :termsVersion)"),
    /** Has an email address and it is verified 【5】-【7】. */
    EMAIL_VERIFIED("email-verified", "(u.EMAIL IS NOT NULL AND u.EMAIL_VERIFIED = TRUE)"),
    /** Chose a method 【8】: one is enrolled (a credential), or chosen for the next login ({@code kosmoAuthMethodPending}). */
    METHOD_CHOSEN("method-chosen", "(" + Methods.ANY_ENROLLED + " OR " + attribute(MemberMethods.PENDING_ATTRIBUTE) + ")"),
    /** Done: a method is enrolled and no password change 【9】 is pending (the letter's temporary password is gone). */
    ONBOARDING_COMPLETE("onboarding-complete", "(" + Methods.ANY_ENROLLED + " AND NOT EXISTS (SELECT 1 FROM {h-schema}USER_REQUIRED_ACTION r"
            + " WHERE r.USER_ID = u.ID AND r.REQUIRED_ACTION IN ('" + RequiredActionIds.KEYCLOAK_UPDATE_PASSWORD + "', '"
            + RequiredActionIds.UPDATE_PASSWORD + "')))");

    /** Named parameter of {@link #TERMS_ACCEPTED}'s condition. */
    public static final String TERMS_VERSION_PARAMETER = "termsVersion";

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

    /** SQL: member {@code u} has passed this step (whatever the steps before). */
    public String passed() {
        return passed;
    }

    /** SQL: member {@code u} has passed this step and every step before it. */
    public String reached() {
        return Arrays.stream(values()).filter(s -> s.ordinal() <= ordinal()).map(FunnelStep::passed)
                .collect(Collectors.joining(" AND ", "(", ")"));
    }

    /** SQL: this is the first step member {@code u} has not passed. */
    public String stuck() {
        return ordinal() == 0 ? "NOT " + passed : "(" + values()[ordinal() - 1].reached() + " AND NOT " + passed + ")";
    }

    /**
     * SQL: how many steps member {@code u} has reached, 0 to 7 (the first step not passed decides; CASE stops at the
     * first match, so each member is looked up only as far as they came).
     */
    public static String levelSql() {
        StringBuilder sql = new StringBuilder("CASE");
        for (FunnelStep step : values()) {
            sql.append(" WHEN NOT ").append(step.passed).append(" THEN ").append(step.ordinal());
        }
        return sql.append(" ELSE ").append(values().length).append(" END").toString();
    }

    public static Optional<FunnelStep> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(FunnelStep::id).toList();
    }

    static String attribute(String name) {
        return "EXISTS (SELECT 1 FROM {h-schema}USER_ATTRIBUTE a WHERE a.USER_ID = u.ID AND a.NAME = '" + name + "')";
    }

    /** The sign-in methods as credentials of member {@code u}. */
    static final class Methods {

        static final String ANY_ENROLLED = enrolled(AuthMethod.values());

        private Methods() {
        }

        static String enrolled(AuthMethod... methods) {
            return "EXISTS (SELECT 1 FROM {h-schema}CREDENTIAL c WHERE c.USER_ID = u.ID AND c.TYPE IN ("
                    + Arrays.stream(methods).map(m -> "'" + m.credentialType() + "'").collect(Collectors.joining(", ")) + "))";
        }
    }
}
