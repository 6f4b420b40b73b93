package jp.kosmo.keycloak.authmethod;

import java.util.Arrays;
import java.util.Optional;

import jp.kosmo.keycloak.emailotp.EmailOtpCredentialModel;
import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/** The three ways a member can sign in after the first login 【8】. */
public enum AuthMethod {
    /** 生体認証: a passkey on this PC or on a smartphone. */
    PASSKEY("passkey", WebAuthnCredentialModel.TYPE_PASSWORDLESS, RequiredActionIds.PASSKEY_REGISTER),
    /** ワンタイムパスワード認証（アプリ）: an authenticator app or browser extension. */
    APP_OTP("app-otp", OTPCredentialModel.TYPE, RequiredActionIds.CONFIGURE_TOTP),
    /** ワンタイムパスワード認証（メール）: codes sent to the verified address; nothing to set up. */
    EMAIL_OTP("email-otp", EmailOtpCredentialModel.TYPE, null);

    private final String id;
    private final String credentialType;
    private final String enrolmentAction;

    AuthMethod(String id, String credentialType, String enrolmentAction) {
        this.id = id;
        this.credentialType = credentialType;
        this.enrolmentAction = enrolmentAction;
    }

    /** Stable id used in the configuration, the form and the {@code kosmoAuthMethod} attribute. */
    public String id() {
        return id;
    }

    public String credentialType() {
        return credentialType;
    }

    /** Our required action that enrols this method ({@code kosmo-…}), or empty when there is nothing to enrol. */
    public Optional<String> enrolmentAction() {
        return Optional.ofNullable(enrolmentAction);
    }

    public static Optional<AuthMethod> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
