package jp.kosmo.keycloak.roster;

import java.time.Instant;
import java.util.Optional;

import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * The activation password of a letter and its expiry, on the member: attribute {@link #EXPIRES_AT} (UTC, ISO-8601,
 * shown to admins) and {@link #CREDENTIAL_CREATED} (the creation time of the password credential it was set as).
 * The expiry applies only while the member's password is still that very credential: once the member chose a new
 * password (【9】) or an admin set one, the times differ and nothing expires.
 */
public final class ActivationPassword {

    public static final String EXPIRES_AT = "kosmoActivationExpiresAt";
    public static final String CREDENTIAL_CREATED = "kosmoActivationCredentialCreated";

    private ActivationPassword() {
    }

    /** Records the expiry of the password just set on the member. */
    static void mark(UserModel user, Instant expiresAt) {
        user.setSingleAttribute(EXPIRES_AT, expiresAt.toString());
        passwordCreated(user).ifPresent(created -> user.setSingleAttribute(CREDENTIAL_CREATED, String.valueOf(created)));
    }

    /** True when the member's current password is an activation password whose time is over. */
    public static boolean expired(UserModel user, Instant now) {
        String expires = user.getFirstAttribute(EXPIRES_AT);
        String created = user.getFirstAttribute(CREDENTIAL_CREATED);
        if (expires == null || created == null) {
            return false;
        }
        Optional<Long> current = passwordCreated(user);
        if (current.isEmpty() || !String.valueOf(current.get()).equals(created)) {
            return false;
        }
        try {
            return !now.isBefore(Instant.parse(expires));
        } catch (RuntimeException e) {
            return true; // an unreadable expiry: fail closed
        }
    }

    private static Optional<Long> passwordCreated(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .findFirst().map(c -> c.getCreatedDate());
    }
}
