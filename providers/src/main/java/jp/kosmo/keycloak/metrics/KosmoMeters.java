package jp.kosmo.keycloak.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;

/**
 * Increments our counters in one Micrometer registry: Keycloak's ({@code Metrics.globalRegistry}, which Keycloak's
 * own user-event metrics use and whose Prometheus registry serves {@code /metrics} on the management interface when
 * {@code --metrics-enabled=true}). Without metrics enabled the global registry holds no registry and every
 * increment is a no-op.
 */
public final class KosmoMeters {

    /** Gauge: forgot-user-ID look-ups waiting or running on this node (no realm tag: the bound is per node). */
    public static final String FORGOT_USER_ID_PENDING = "kosmo.forgot.user.id.pending";
    /** Function counter: forgot-user-ID requests answered without a look-up on this node because it was full. */
    public static final String FORGOT_USER_ID_DROPPED = "kosmo.forgot.user.id.dropped";

    private final MeterRegistry registry;

    public KosmoMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** One increment of {@code tally}'s counter for the realm named {@code realmName}. */
    public void count(String realmName, Tally tally) {
        KosmoCounter counter = tally.counter();
        List<Tag> tags = new ArrayList<>(counter.tags().size() + 1);
        tags.add(Tag.of(KosmoCounter.REALM_TAG, realmName == null ? "" : realmName));
        List<String> values = tally.tagValues();
        for (int i = 0; i < values.size(); i++) {
            tags.add(Tag.of(counter.tags().get(i).key(), values.get(i)));
        }
        Counter.builder(counter.meterName())
                .description(counter.description())
                .tags(tags)
                .register(registry)
                .increment();
    }
}
