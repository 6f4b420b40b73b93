package jp.kosmo.keycloak.onboarding;

import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegisterFactory;
import org.keycloak.models.UserModel;

/** Ids of the required actions of the onboarding (ours are public names, see design.md). */
public final class RequiredActionIds {

    public static final String TERMS = "kosmo-terms";
    public static final String VERIFIED_EMAIL = "kosmo-verified-email";
    public static final String AUTH_METHOD = "kosmo-auth-method";
    public static final String ONBOARDING_COMPLETE = "kosmo-onboarding-complete";
    public static final String CONFIGURE_TOTP = UserModel.RequiredAction.CONFIGURE_TOTP.name();
    public static final String UPDATE_PASSWORD = UserModel.RequiredAction.UPDATE_PASSWORD.name();
    public static final String PASSKEY_REGISTER = WebAuthnPasswordlessRegisterFactory.PROVIDER_ID;

    private RequiredActionIds() {
    }
}
