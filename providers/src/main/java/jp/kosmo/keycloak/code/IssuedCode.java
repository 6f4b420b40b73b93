package jp.kosmo.keycloak.code;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One code as it is kept, never the code itself: a random id (its tries and its use are claimed under that id in the
 * {@link CodeStore}), the salted hash and when it stops working.
 */
public record IssuedCode(String id, String hash, String salt, long expiresAt) {

    static final String ID = "id";
    static final String HASH = "hash";
    static final String SALT = "salt";
    static final String EXPIRES_AT = "expiresAt";

    public IssuedCode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(salt, "salt");
    }

    public boolean isExpired(long now) {
        return now >= expiresAt;
    }

    public boolean matches(String normalisedCode) {
        return CodeHasher.matches(hash, salt, normalisedCode);
    }

    /** The code's fields under {@code prefix}, for authentication-session notes or a store entry. */
    public Map<String, String> toMap(String prefix) {
        Map<String, String> map = new HashMap<>();
        map.put(prefix + ID, id);
        map.put(prefix + HASH, hash);
        map.put(prefix + SALT, salt);
        map.put(prefix + EXPIRES_AT, Long.toString(expiresAt));
        return map;
    }

    /** Reads what {@link #toMap} wrote; null when a field is missing or unreadable. */
    public static IssuedCode fromMap(String prefix, java.util.function.Function<String, String> get) {
        String id = get.apply(prefix + ID);
        String hash = get.apply(prefix + HASH);
        String salt = get.apply(prefix + SALT);
        String expiresAt = get.apply(prefix + EXPIRES_AT);
        if (id == null || hash == null || salt == null || expiresAt == null) {
            return null;
        }
        try {
            return new IssuedCode(id, hash, salt, Long.parseLong(expiresAt));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static String[] keys(String prefix) {
        return new String[] {prefix + ID, prefix + HASH, prefix + SALT, prefix + EXPIRES_AT};
    }
}
