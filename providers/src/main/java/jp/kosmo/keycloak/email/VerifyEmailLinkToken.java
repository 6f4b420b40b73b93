package jp.kosmo.keycloak.email;

import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The link in the verification mail: a Keycloak action token for one member and one address (the {@code eml}
 * claim), signed by the realm, valid as long as the realm's action-token settings say for {@link #TOKEN_TYPE}
 * (or the realm's default for tokens a user asked for).
 *
 * <p>The link itself carries no authentication session, so whichever browser opens it gets a confirmation page of
 * its own; the confirmation button carries the same token bound to that browser's session
 * ({@link #getCompoundAuthenticationSessionId()}).
 */
public final class VerifyEmailLinkToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "kosmo-verify-email";

    public VerifyEmailLinkToken(String userId, int absoluteExpirationInSecs, String email, String clientId) {
        super(userId, TOKEN_TYPE, absoluteExpirationInSecs, null);
        setEmail(email);
        this.issuedFor = clientId;
    }

    /** For Jackson, when Keycloak reads a token back from a link. */
    private VerifyEmailLinkToken() {
    }
}
