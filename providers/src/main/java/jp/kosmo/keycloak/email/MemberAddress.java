package jp.kosmo.keycloak.email;

import org.keycloak.models.UserModel;

/**
 * The member's address as the second factors and the onboarding read it: the email on file while it is verified,
 * else none. Codes go only there (the email code, the recovery code); without it those factors fail closed and the
 * onboarding asks for the address 【5】-【7】.
 */
public final class MemberAddress {

    private MemberAddress() {
    }

    /** The verified address, or null when the member has no address or it is not verified. */
    public static String verified(UserModel user) {
        String email = user.getEmail();
        return email != null && !email.isBlank() && user.isEmailVerified() ? email : null;
    }
}
