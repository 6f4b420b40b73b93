package jp.kosmo.keycloak.email;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The state of one verification in the authentication-session notes (cluster-safe, gone with the login):
 * the address the last mail went to and that mail's {@link PendingCode}. Nothing else is kept; in particular
 * never the code itself.
 */
final class VerificationNotes {

    static final String ADDRESS = "kosmo.verified-email.address";
    static final String CODE_HASH = "kosmo.verified-email.code-hash";
    static final String CODE_SALT = "kosmo.verified-email.code-salt";
    static final String CODE_EXPIRES_AT = "kosmo.verified-email.code-expires-at";
    static final String CODE_FAILURES = "kosmo.verified-email.code-failures";

    private final AuthenticationSessionModel authSession;

    VerificationNotes(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    /** The address the last mail was sent to, or null when no mail was sent in this login (or the member went back). */
    String address() {
        return authSession.getAuthNote(ADDRESS);
    }

    /** The code of the last mail, or null when there is none (never sent, already used or unreadable). */
    PendingCode code() {
        String hash = authSession.getAuthNote(CODE_HASH);
        String salt = authSession.getAuthNote(CODE_SALT);
        String expiresAt = authSession.getAuthNote(CODE_EXPIRES_AT);
        String failures = authSession.getAuthNote(CODE_FAILURES);
        if (hash == null || salt == null || expiresAt == null || failures == null) {
            return null;
        }
        try {
            return new PendingCode(hash, salt, Long.parseLong(expiresAt), Integer.parseInt(failures));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A mail went to {@code address} with this code: it replaces whatever was there before. */
    void mailSent(String address, PendingCode code) {
        authSession.setAuthNote(ADDRESS, address);
        saveCode(code);
    }

    void saveCode(PendingCode code) {
        authSession.setAuthNote(CODE_HASH, code.hash());
        authSession.setAuthNote(CODE_SALT, code.salt());
        authSession.setAuthNote(CODE_EXPIRES_AT, Long.toString(code.expiresAt()));
        authSession.setAuthNote(CODE_FAILURES, Integer.toString(code.failures()));
    }

    /** Back to the address page: the mail's code stops working too. */
    void clear() {
        authSession.removeAuthNote(ADDRESS);
        authSession.removeAuthNote(CODE_HASH);
        authSession.removeAuthNote(CODE_SALT);
        authSession.removeAuthNote(CODE_EXPIRES_AT);
        authSession.removeAuthNote(CODE_FAILURES);
    }
}
