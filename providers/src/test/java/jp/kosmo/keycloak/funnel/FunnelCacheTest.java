package jp.kosmo.keycloak.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FunnelCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-02T00:00:00Z");

    private static FunnelCounts counts(Instant at) {
        return new FunnelCounts(1, List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L), Map.of(), 0, 0, at);
    }

    @Test
    @DisplayName("the same question within the lifetime is answered from the cache; after it, from the database")
    void lifetime() {
        FunnelCache cache = new FunnelCache(Duration.ofSeconds(30));
        AtomicInteger asked = new AtomicInteger();
        FunnelCounts first = cache.get("k", T0, () -> { asked.incrementAndGet(); return counts(T0); });
        assertSame(first, cache.get("k", T0.plusSeconds(29), () -> { asked.incrementAndGet(); return counts(T0.plusSeconds(29)); }));
        assertEquals(1, asked.get());
        cache.get("other", T0.plusSeconds(1), () -> { asked.incrementAndGet(); return counts(T0.plusSeconds(1)); });
        assertEquals(2, asked.get(), "another filter is another question");
        cache.get("k", T0.plusSeconds(30), () -> { asked.incrementAndGet(); return counts(T0.plusSeconds(30)); });
        assertEquals(3, asked.get());
        cache.get("k", T0.minusSeconds(1), () -> { asked.incrementAndGet(); return counts(T0.minusSeconds(1)); });
        assertEquals(4, asked.get(), "a clock set back does not keep a count from the future");
    }

    @Test
    @DisplayName("0 seconds: every question goes to the database")
    void off() {
        FunnelCache cache = new FunnelCache(Duration.ZERO);
        AtomicInteger asked = new AtomicInteger();
        cache.get("k", T0, () -> { asked.incrementAndGet(); return counts(T0); });
        cache.get("k", T0, () -> { asked.incrementAndGet(); return counts(T0); });
        assertEquals(2, asked.get());
    }

    @Test
    @DisplayName("stuck = reached the step before minus reached this one; the first step from all members")
    void stuck() {
        FunnelCounts c = new FunnelCounts(10, List.of(8L, 6L, 5L, 5L, 3L, 2L, 1L), Map.of(), 0, 0, T0);
        assertEquals(2, c.stuck(FunnelStep.LETTER_ISSUED));
        assertEquals(2, c.stuck(FunnelStep.SIGNED_IN));
        assertEquals(0, c.stuck(FunnelStep.TERMS_ACCEPTED));
        assertEquals(1, c.stuck(FunnelStep.ONBOARDING_COMPLETE));
    }
}
