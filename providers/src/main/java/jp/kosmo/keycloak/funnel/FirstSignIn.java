package jp.kosmo.keycloak.funnel;

import java.time.Instant;

import org.keycloak.models.UserModel;

/**
 * When a member first typed the right user ID and password (the letter reached them), on the member as
 * {@value #ATTRIBUTE} (ISO-8601, UTC; shown to admins). Written once: later logins leave it as it is.
 */
public final class FirstSignIn {

    public static final String ATTRIBUTE = "kosmoFirstSignInAt";

    private FirstSignIn() {
    }

    public static void record(UserModel user, Instant now) {
        if (user.getFirstAttribute(ATTRIBUTE) == null) {
            user.setSingleAttribute(ATTRIBUTE, now.toString());
        }
    }
}
