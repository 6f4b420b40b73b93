package jp.kosmo.keycloak.forgotuserid;

import java.util.concurrent.ThreadLocalRandom;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * At most {@code limit} requests per counter in any rolling hour, across the cluster: every request takes one of
 * {@code limit} slots in Keycloak's single-use store, each slot held for an hour from when it was taken
 * ({@code putIfAbsent} is atomic across the cluster). Probing starts at a random slot so a busy counter does not
 * always scan from the first. When every slot is taken, a marker remembers that for a minute so a flood costs one
 * look-up per request. Counters are named by {@link LimitKeys}: nothing here ever sees an address or an IP.
 */
final class HourlyLimit {

    static final long WINDOW_SECONDS = 3600;
    static final long FULL_MARKER_SECONDS = 60;

    /** What became of a request. */
    enum Outcome {
        /** It took a slot: go on. */
        TAKEN,
        /** Every slot is taken. */
        FULL,
        /** Every slot is taken and this request was the one that noticed (at most once a minute per counter). */
        FILLED;

        boolean allowed() {
            return this == TAKEN;
        }
    }

    private final SingleUseObjectProvider store;

    HourlyLimit(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** Takes a slot of {@code counter}, one of {@code limit}. A limit of 0 means no limit. */
    Outcome tryAcquire(String counter, int limit) {
        if (limit <= 0) {
            return Outcome.TAKEN;
        }
        String full = counter + ":full";
        if (store.contains(full)) {
            return Outcome.FULL;
        }
        int start = ThreadLocalRandom.current().nextInt(limit);
        for (int i = 0; i < limit; i++) {
            int slot = (start + i) % limit;
            if (store.putIfAbsent(counter + ":" + slot, WINDOW_SECONDS)) {
                return Outcome.TAKEN;
            }
        }
        return store.putIfAbsent(full, FULL_MARKER_SECONDS) ? Outcome.FILLED : Outcome.FULL;
    }
}
