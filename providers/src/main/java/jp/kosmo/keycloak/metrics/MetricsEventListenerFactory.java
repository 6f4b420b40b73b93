package jp.kosmo.keycloak.metrics;

import io.micrometer.core.instrument.Metrics;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers the event listener {@value #PROVIDER_ID}: a realm that lists it under <em>Realm settings → Events →
 * Event listeners</em> (both realm templates do) gets our {@code kosmo_…} counters on Keycloak's {@code /metrics};
 * a realm that does not list it counts nothing, not even where our providers count directly ({@link KosmoMetrics}).
 * Not a global listener, so installing the jar changes nothing in other realms.
 */
public final class MetricsEventListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "kosmo-metrics";

    private KosmoMeters meters;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new MetricsEventListener(session, meters);
    }

    /** The counters of this node, in Keycloak's registry. */
    KosmoMeters meters() {
        return meters;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        meters = new KosmoMeters(Metrics.globalRegistry);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
