package jp.kosmo.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;

/**
 * The events the forgot-user-ID page records for admins (Keycloak's event type for extensions, detail
 * {@code kosmo_action=forgot_user_id}). They are written by the same job that sends the mail, so
 * once an event is there, that request's mail has been sent or not.
 */
public final class ForgotUserIdEvents {

    private static final List<String> TYPES = List.of("CUSTOM_REQUIRED_ACTION", "CUSTOM_REQUIRED_ACTION_ERROR");

    private final RealmResource realm;

    public ForgotUserIdEvents(RealmResource realm) {
        this.realm = realm;
    }

    public List<EventRepresentation> all() {
        return realm.getEvents(TYPES, null, null, null, null, null, 0, 10_000).stream()
                .filter(e -> e.getDetails() != null && "forgot_user_id".equals(e.getDetails().get("kosmo_action")))
                .toList();
    }

    /** The events of requests for these addresses, newest first. */
    public List<EventRepresentation> about(List<String> addresses) {
        return all().stream().filter(e -> addresses.contains(e.getDetails().get("email"))).toList();
    }

    /** Waits until at least {@code count} events for these addresses are there and returns them, newest first. */
    public List<EventRepresentation> await(List<String> addresses, int count) {
        long until = System.currentTimeMillis() + 20_000;
        while (about(addresses).size() < count && System.currentTimeMillis() < until) {
            Members.sleep(100);
        }
        List<EventRepresentation> events = about(addresses);
        assertTrue(events.size() >= count, "expected " + count + " forgot-user-ID events for " + addresses + ", got " + events.size());
        return events;
    }
}
