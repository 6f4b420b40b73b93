package jp.kosmo.keycloak.forgotuserid;

import org.keycloak.common.ClientConnection;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The admin event of a forgot-user-ID request (Keycloak has no event type for such a page, so the generic one for
 * extensions, with a detail naming this feature). It carries the address asked for, never the birthdate.
 */
final class ForgotUserIdEvent {

    /** Value of the {@code custom_required_action} detail. */
    static final String DETAIL_VALUE = ForgotUserIdResourceProviderFactory.PROVIDER_ID;
    /** Detail naming the limit a rate-limited request hit: {@link #LIMIT_NETWORK} or {@link #LIMIT_ADDRESS}. */
    static final String DETAIL_LIMIT = "limit";
    static final String LIMIT_NETWORK = "ip";
    static final String LIMIT_ADDRESS = "address";
    static final String REASON_RATE_LIMITED = "rate_limited";
    static final String REASON_LOCKED = "member_locked";

    private ForgotUserIdEvent() {
    }

    static EventBuilder of(KeycloakSession session, RealmModel realm, String clientId, ClientConnection connection, String email) {
        EventBuilder event = new EventBuilder(realm, session, connection)
                .event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, DETAIL_VALUE)
                .detail(Details.EMAIL, email);
        if (clientId != null) {
            event.client(clientId);
        }
        return event;
    }
}
