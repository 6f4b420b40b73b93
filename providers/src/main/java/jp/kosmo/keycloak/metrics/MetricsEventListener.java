package jp.kosmo.keycloak.metrics;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;

/**
 * Event listener {@value MetricsEventListenerFactory#PROVIDER_ID}: counts a user event ({@link EventTallies}) once
 * the request's transaction has committed, as Keycloak's own user-event metrics do; a rolled-back request counts
 * nothing. What to count is decided while the event is sent (the event builder may change its event afterwards);
 * it reads no member and no database: the event's type, error and details only.
 */
final class MetricsEventListener implements EventListenerProvider {

    private final KeycloakSession session;
    private final KosmoMeters meters;
    private AfterCommit afterCommit;

    MetricsEventListener(KeycloakSession session, KosmoMeters meters) {
        this.session = session;
        this.meters = meters;
    }

    @Override
    public void onEvent(Event event) {
        List<Tally> tallies = EventTallies.of(event.getType(), event.getError(), event.getDetails());
        if (tallies.isEmpty()) {
            return;
        }
        String realm = event.getRealmName();
        KeycloakTransactionManager transactions = session.getTransactionManager();
        if (!transactions.isActive()) {
            tallies.forEach(tally -> meters.count(realm, tally));
            return;
        }
        if (afterCommit == null) {
            AfterCommit pending = new AfterCommit();
            try {
                transactions.enlistAfterCompletion(pending);
            } catch (RuntimeException e) {
                // the request is already ending (an event sent while it commits): count now
                tallies.forEach(tally -> meters.count(realm, tally));
                return;
            }
            afterCommit = pending;
        }
        tallies.forEach(tally -> afterCommit.counts.add(() -> meters.count(realm, tally)));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // admins' changes are not counted: an admin reset is counted when the member's login begins it
    }

    @Override
    public void close() {
    }

    /** The increments of this request, made when it commits, dropped when it rolls back. */
    private static final class AfterCommit extends AbstractKeycloakTransaction {

        private final List<Runnable> counts = new ArrayList<>();

        @Override
        protected void commitImpl() {
            counts.forEach(Runnable::run);
            counts.clear();
        }

        @Override
        protected void rollbackImpl() {
            counts.clear();
        }
    }
}
