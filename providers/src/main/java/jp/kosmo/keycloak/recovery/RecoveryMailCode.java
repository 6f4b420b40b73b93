package jp.kosmo.keycloak.recovery;

import java.util.Map;

import jp.kosmo.keycloak.code.CodeStore;
import jp.kosmo.keycloak.code.IssuedCode;

/**
 * The member's current recovery code by mail, one per member across logins and cluster nodes (as the login code of
 * {@code kosmo-email-otp}): restarting the recovery asks for the code already mailed. Only the salted hash is kept.
 */
final class RecoveryMailCode {

    private static final String KEY = "kosmo-recovery-code:";
    private static final long SLACK_SECONDS = 60;

    private final CodeStore store;

    RecoveryMailCode(CodeStore store) {
        this.store = store;
    }

    IssuedCode current(String userId) {
        Map<String, String> entry = store.get(KEY + userId);
        return entry == null ? null : IssuedCode.fromMap("", entry::get);
    }

    void save(String userId, IssuedCode code, long now) {
        store.put(KEY + userId, Math.max(1, code.expiresAt() - now) + SLACK_SECONDS, code.toMap(""));
    }

    void forget(String userId) {
        store.remove(KEY + userId);
    }
}
