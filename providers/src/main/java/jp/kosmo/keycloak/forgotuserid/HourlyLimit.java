package jp.kosmo.keycloak.forgotuserid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * At most {@code limit} requests per key in any rolling hour, across the cluster: every request takes one of
 * {@code limit} slots in Keycloak's single-use store, each slot held for an hour from when it was taken
 * ({@code putIfAbsent} is atomic across the cluster). Probing starts at a random slot so a busy key does not always
 * scan from the first. When every slot is taken, a marker remembers that for a minute so a flood costs one look-up
 * per request. Keys are hashed: no address or IP is kept in the store as text.
 */
final class HourlyLimit {

    static final long WINDOW_SECONDS = 3600;
    static final long FULL_MARKER_SECONDS = 60;

    private final SingleUseObjectProvider store;

    HourlyLimit(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** Takes a slot for {@code key}; false when all {@code limit} slots are in use. A limit of 0 means no limit. */
    boolean tryAcquire(String key, int limit) {
        if (limit <= 0) {
            return true;
        }
        String base = "kosmo-forgot-user-id:" + hash(key);
        String full = base + ":full";
        if (store.contains(full)) {
            return false;
        }
        int start = ThreadLocalRandom.current().nextInt(limit);
        for (int i = 0; i < limit; i++) {
            int slot = (start + i) % limit;
            if (store.putIfAbsent(base + ":" + slot, WINDOW_SECONDS)) {
                return true;
            }
        }
        store.putIfAbsent(full, FULL_MARKER_SECONDS);
        return false;
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
