package jp.kosmo.keycloak.metrics;

import org.jboss.logging.Logger;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderFactory;

/**
 * Direct counting, where no event tells what happened (a mail handed to the mail server or refused, the birthdate
 * page 【3】, a recovery started or refused, a rate-limited forgot-user-ID request). Counts only in a realm that lists
 * the listener {@value MetricsEventListenerFactory#PROVIDER_ID}, the one switch for all our metrics of a realm, in
 * the registry of that listener's factory. Never throws: a metric must not break a member's request.
 */
public final class KosmoMetrics {

    private static final Logger LOG = Logger.getLogger(KosmoMetrics.class);

    private KosmoMetrics() {
    }

    public static void count(KeycloakSession session, RealmModel realm, Tally tally) {
        if (session == null || realm == null) {
            return;
        }
        try {
            if (realm.getEventsListenersStream().noneMatch(MetricsEventListenerFactory.PROVIDER_ID::equals)) {
                return;
            }
            ProviderFactory<EventListenerProvider> factory = session.getKeycloakSessionFactory()
                    .getProviderFactory(EventListenerProvider.class, MetricsEventListenerFactory.PROVIDER_ID);
            if (factory instanceof MetricsEventListenerFactory metrics && metrics.meters() != null) {
                metrics.meters().count(realm.getName(), tally);
            }
        } catch (RuntimeException e) {
            LOG.debugf(e, "Not counted: %s", tally);
        }
    }
}
