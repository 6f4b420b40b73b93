package jp.kosmo.keycloak.email;

import jp.kosmo.keycloak.code.IssuedCode;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The state of one verification in the authentication-session notes (cluster-safe, gone with the login): the
 * address typed at 【5】, still pending (nothing is written on the member before it is verified), and the
 * {@link IssuedCode} of the last mail. Never the code itself.
 */
final class VerificationNotes {

    static final String ADDRESS = "kosmo.verified-email.address";
    private static final String CODE_PREFIX = "kosmo.verified-email.code.";

    private final AuthenticationSessionModel authSession;

    VerificationNotes(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    /** The pending address of this login, or null when none was typed yet (or the member went back). */
    String address() {
        return authSession.getAuthNote(ADDRESS);
    }

    /** The code of the last mail, or null when there is none. */
    IssuedCode code() {
        return IssuedCode.fromMap(CODE_PREFIX, authSession::getAuthNote);
    }

    /** A mail went out for {@code address} with this code: it replaces whatever was there before. */
    void mailSent(String address, IssuedCode code) {
        authSession.setAuthNote(ADDRESS, address);
        code.toMap(CODE_PREFIX).forEach(authSession::setAuthNote);
    }

    /** Back to the address page, or done: the pending address and its code are gone. */
    void clear() {
        authSession.removeAuthNote(ADDRESS);
        for (String key : IssuedCode.keys(CODE_PREFIX)) {
            authSession.removeAuthNote(key);
        }
    }
}
