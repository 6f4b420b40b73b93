package jp.kosmo.keycloak.funnel;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The counts this node made in the last seconds, per realm and filter: an admin console or a dashboard polling the
 * funnel asks the database at most once per {@link FunnelSettings#cacheSeconds()} for the same question. Only
 * numbers are kept, never members. Each node has its own (a count may be that many seconds old); at most
 * {@value #MAX_ENTRIES} questions are kept, the expired ones are dropped first.
 */
final class FunnelCache {

    static final int MAX_ENTRIES = 256;

    private final Duration lifetime;
    private final Map<String, FunnelCounts> counts = new ConcurrentHashMap<>();

    FunnelCache(Duration lifetime) {
        this.lifetime = lifetime;
    }

    FunnelCounts get(String key, Instant now, Supplier<FunnelCounts> count) {
        FunnelCounts cached = counts.get(key);
        if (cached != null && fresh(cached, now)) {
            return cached;
        }
        FunnelCounts fresh = count.get();
        if (!lifetime.isZero()) {
            if (counts.size() >= MAX_ENTRIES) {
                counts.values().removeIf(c -> !fresh(c, now));
                if (counts.size() >= MAX_ENTRIES) {
                    counts.clear();
                }
            }
            counts.put(key, fresh);
        }
        return fresh;
    }

    private boolean fresh(FunnelCounts c, Instant now) {
        return now.isBefore(c.countedAt().plus(lifetime)) && !now.isBefore(c.countedAt());
    }
}
