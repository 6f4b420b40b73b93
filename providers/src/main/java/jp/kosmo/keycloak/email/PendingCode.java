package jp.kosmo.keycloak.email;

import jp.kosmo.keycloak.code.CodeHasher;
import java.util.Objects;

/**
 * The code of the last mail as the authentication session keeps it: never the code itself, only its salted hash,
 * when it stops working and how many wrong tries it has had. A new mail replaces it, so the old code is dead.
 */
public record PendingCode(String hash, String salt, long expiresAt, int failures) {

    public PendingCode {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(salt, "salt");
    }

    /** A fresh code, valid for {@code lifetimeSeconds} from {@code now}. */
    public static PendingCode issue(String code, String salt, long now, int lifetimeSeconds) {
        return new PendingCode(CodeHasher.hash(salt, code), salt, now + lifetimeSeconds, 0);
    }

    public boolean isExpired(long now) {
        return now >= expiresAt;
    }

    /** True once the code has had {@code maxAttempts} wrong tries: it is dead, only a new mail helps. */
    public boolean isExhausted(int maxAttempts) {
        return failures >= maxAttempts;
    }

    public boolean matches(String code) {
        return CodeHasher.matches(hash, salt, code);
    }

    public PendingCode withFailure() {
        return new PendingCode(hash, salt, expiresAt, failures + 1);
    }

    public int attemptsLeft(int maxAttempts) {
        return Math.max(0, maxAttempts - failures);
    }
}
