package jp.kosmo.keycloak.emailotp;

import java.util.Map;

import jp.kosmo.keycloak.code.CodeStore;
import jp.kosmo.keycloak.code.IssuedCode;

/**
 * The member's current login code, one per member across logins and cluster nodes: a member who restarts the login,
 * or opens a second tab, is asked for the code already mailed instead of getting (and waiting for) another one.
 * Only the {@link IssuedCode} (salted hash, id, expiry) is kept; its tries and its single use are claimed in the
 * store by {@link jp.kosmo.keycloak.code.CodeAttempts}.
 */
final class MemberLoginCode {

    private static final String KEY = "kosmo-login-code:";
    private static final String PREFIX = "";
    private static final long SLACK_SECONDS = 60;

    private final CodeStore store;

    MemberLoginCode(CodeStore store) {
        this.store = store;
    }

    IssuedCode current(String userId) {
        Map<String, String> entry = store.get(KEY + userId);
        return entry == null ? null : IssuedCode.fromMap(PREFIX, entry::get);
    }

    void save(String userId, IssuedCode code, long now) {
        store.put(KEY + userId, Math.max(1, code.expiresAt() - now) + SLACK_SECONDS, code.toMap(PREFIX));
    }

    void forget(String userId) {
        store.remove(KEY + userId);
    }
}
