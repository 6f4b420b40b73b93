package jp.kosmo.keycloak.events;

/**
 * The one place for what our providers put into Keycloak events beyond Keycloak's own constants: detail keys
 * (all {@code kosmo_…}), their fixed values, the values of Keycloak's {@code reason} detail and our own error codes
 * (snake_case, {@code kosmo_…}). Keycloak's {@code EventType}, {@code Details} and {@code Errors} are used as they
 * are wherever one fits. The admin guide lists every event with these names (section "Events").
 */
public final class KosmoEvents {

    // ---- detail keys --------------------------------------------------------------------------------------------

    /** The terms version accepted or declined (【4】), and the version of a terms CSV export (admin event). */
    public static final String DETAIL_TERMS_VERSION = "kosmo_terms_version";
    /** The sign-in method chosen at 【8】: {@code passkey}, {@code app-otp} or {@code email-otp}. */
    public static final String DETAIL_AUTH_METHOD = "kosmo_auth_method";
    /** When the chosen method is enrolled: {@link #ENROLMENT_NOW}, {@link #ENROLMENT_NEXT_LOGIN}, {@link #ENROLMENT_DONE}. */
    public static final String DETAIL_ENROLMENT = "kosmo_enrolment";
    /** How an address was verified: {@link #VERIFIED_BY_CODE} or {@link #VERIFIED_BY_LINK}. */
    public static final String DETAIL_VERIFIED_BY = "kosmo_verified_by";
    /** Which member action an event of Keycloak's generic type is: {@link #ACTION_FORGOT_USER_ID}. */
    public static final String DETAIL_ACTION = "kosmo_action";
    /** The rate limit a forgot-user-ID request filled: {@link #LIMIT_NETWORK} or {@link #LIMIT_ADDRESS}. */
    public static final String DETAIL_LIMIT = "kosmo_limit";
    /** Admin event of a terms CSV export: the window asked for and the rows exported. */
    public static final String DETAIL_FIRST = "kosmo_first";
    public static final String DETAIL_MAX = "kosmo_max";
    public static final String DETAIL_ROWS = "kosmo_rows";
    /** Admin event of an onboarding-funnel CSV export: the step whose stuck members were exported. */
    public static final String DETAIL_FUNNEL_STEP = "kosmo_funnel_step";
    /** Login refused because the letter's activation password has expired (value {@code true}). */
    public static final String DETAIL_ACTIVATION_EXPIRED = "kosmo_activation_expired";
    /** Admin events of a roster import: its id, whether it was a dry run; the member whose password was re-issued. */
    public static final String DETAIL_IMPORT_ID = "kosmo_import_id";
    public static final String DETAIL_DRY_RUN = "kosmo_dry_run";
    public static final String DETAIL_REISSUED_USER = "kosmo_reissued_user";
    /** How a member who changed or lost the phone proved who they are: {@code recovery-code}, {@code email-code}, {@code admin}. */
    public static final String DETAIL_RECOVERED_BY = "kosmo_recovered_by";
    /** The sign-in methods removed at the end of a recovery or admin reset, comma-separated method ids. */
    public static final String DETAIL_REMOVED_METHODS = "kosmo_removed_methods";
    /** The onboarding's recovery-codes page was left without saving: {@link #RECOVERY_CODES_SKIPPED}. */
    public static final String DETAIL_RECOVERY_CODES = "kosmo_recovery_codes";

    // ---- detail values ------------------------------------------------------------------------------------------

    public static final String ACTION_FORGOT_USER_ID = "forgot_user_id";
    public static final String VERIFIED_BY_CODE = "code";
    public static final String VERIFIED_BY_LINK = "link";
    /** The values of {@link #DETAIL_ENROLMENT}; the first two are those of the action's enrolment setting. */
    public static final String ENROLMENT_NOW = "now";
    public static final String ENROLMENT_NEXT_LOGIN = "next-login";
    public static final String ENROLMENT_DONE = "done";
    public static final String LIMIT_NETWORK = "ip";
    public static final String LIMIT_ADDRESS = "address";
    public static final String RECOVERY_CODES_SKIPPED = "skipped";

    // ---- values of Keycloak's reason detail (Details.REASON) ----------------------------------------------------

    /** Forgot user ID: exactly one member matched; the user ID was mailed (or the mail failed). */
    public static final String REASON_FOUND = "found";
    public static final String REASON_NO_MEMBER_WITH_ADDRESS = "no_member_with_address";
    public static final String REASON_ADDRESS_NOT_VERIFIED = "address_not_verified";
    public static final String REASON_BIRTHDATE_MISMATCH = "birthdate_mismatch";
    public static final String REASON_NO_BIRTHDATE_ON_FILE = "no_birthdate_on_file";
    public static final String REASON_SEVERAL_MEMBERS = "several_members";
    public static final String REASON_MEMBER_LOCKED = "member_locked";
    public static final String REASON_RATE_LIMITED = "rate_limited";
    /** Verification code: its tries are used up, or it was already used. */
    public static final String REASON_CODE_USED_UP = "code_used_up";
    /** Verification link: not the link of the member's latest mail. */
    public static final String REASON_NOT_THE_LATEST_MAIL = "not_the_latest_mail";
    /** Verification link: already used once. */
    public static final String REASON_LINK_USED = "link_used";
    /** Code or link right, but another member took the address since the mail was sent. */
    public static final String REASON_ADDRESS_TAKEN_MEANWHILE = "address_taken_meanwhile";
    /** Email code at login: the member has no verified address to send it to (fails closed). */
    public static final String REASON_NO_VERIFIED_ADDRESS = "no_verified_address";

    // ---- our own error codes (where none of Keycloak's Errors fits) ---------------------------------------------

    /** 【5】 the typed address belongs to another member (admins only: the member sees the page of a free address). */
    public static final String ERROR_ADDRESS_IN_USE = "kosmo_address_in_use";
    /** 【3】 the member has no usable birthdate on file. */
    public static final String ERROR_BIRTHDATE_NOT_ON_FILE = "kosmo_birthdate_not_on_file";

    private KosmoEvents() {
    }
}
