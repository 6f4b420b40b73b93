package jp.kosmo.keycloak.onboarding;

import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegisterFactory;
import org.keycloak.models.UserModel;

/**
 * Ids of the required actions of the onboarding. Ours are public names (see design.md); the {@code KEYCLOAK_…} ones
 * are Keycloak's built-ins whose pending requests our enrolment and password actions take over in the KOSMO realm
 * (see {@code enrolment.BuiltInRequest}).
 */
public final class RequiredActionIds {

    public static final String TERMS = "kosmo-terms";
    public static final String VERIFIED_EMAIL = "kosmo-verified-email";
    public static final String AUTH_METHOD = "kosmo-auth-method";
    public static final String ONBOARDING_COMPLETE = "kosmo-onboarding-complete";
    /** 2-3 to 2-5: authenticator app, in place of Keycloak's {@link #KEYCLOAK_CONFIGURE_TOTP}. */
    public static final String CONFIGURE_TOTP = "kosmo-configure-totp";
    /** 2-1 / 2-2: passkey, in place of Keycloak's {@link #KEYCLOAK_PASSKEY_REGISTER}. */
    public static final String PASSKEY_REGISTER = "kosmo-passkey-register";
    /** 【9】 new password, in place of Keycloak's {@link #KEYCLOAK_UPDATE_PASSWORD}. */
    public static final String UPDATE_PASSWORD = "kosmo-update-password";
    /** Changed or lost phone: the end of a recovery, and the admin's reset of a member's sign-in method. */
    public static final String RESET_SIGN_IN_METHOD = "kosmo-reset-sign-in-method";
    /** Recovery codes offered (or required) after a passkey or authenticator app was enrolled. */
    public static final String RECOVERY_CODES = "kosmo-recovery-codes";

    /** Set by Keycloak for a temporary password, by an admin, and by the reset flow's Reset Password. */
    public static final String KEYCLOAK_UPDATE_PASSWORD = UserModel.RequiredAction.UPDATE_PASSWORD.name();
    /** Set by an admin ("Configure OTP") or by a required OTP Form for a member without OTP. */
    public static final String KEYCLOAK_CONFIGURE_TOTP = UserModel.RequiredAction.CONFIGURE_TOTP.name();
    /** Set by an admin or by a required WebAuthn Passwordless step for a member without a passkey. */
    public static final String KEYCLOAK_PASSKEY_REGISTER = WebAuthnPasswordlessRegisterFactory.PROVIDER_ID;

    private RequiredActionIds() {
    }
}
