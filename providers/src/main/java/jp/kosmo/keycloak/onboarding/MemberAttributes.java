package jp.kosmo.keycloak.onboarding;

/**
 * The user-profile attributes our providers share, by name (the realm's user profile declares them): the roster
 * import writes them, the birthdate check ({@code kosmo-birthdate}) and the password policy
 * ({@code kosmo-not-birthdate}) read them by default. One place, so the writer and the readers stay in step.
 */
public final class MemberAttributes {

    /** The birthdate as {@code YYYY-MM-DD}. */
    public static final String BIRTHDATE = "birthdate";
    /** 記号 of the insurance card. */
    public static final String INSURANCE_SYMBOL = "insuranceSymbol";
    /** 番号 of the insurance card. */
    public static final String INSURANCE_NUMBER = "insuranceNumber";
    /** 枝番 of the insurance card. */
    public static final String INSURANCE_BRANCH = "insuranceBranch";
    public static final String LAST_NAME_KANA = "lastNameKana";
    public static final String FIRST_NAME_KANA = "firstNameKana";

    private MemberAttributes() {
    }
}
