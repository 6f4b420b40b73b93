package jp.kosmo.keycloak.forgotuserid;

import jp.kosmo.keycloak.events.KosmoEvents;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The user event of a forgot-user-ID request. Keycloak's event types are a closed list and none names this page
 * ({@code SEND_RESET_PASSWORD} is the password's, {@code USER_INFO_REQUEST} the OIDC userinfo endpoint's), so it is
 * Keycloak's type for extension steps, {@code CUSTOM_REQUIRED_ACTION} ({@code _ERROR}), with the detail
 * {@value KosmoEvents#DETAIL_ACTION} = {@value KosmoEvents#ACTION_FORGOT_USER_ID} saying what it is. It carries the
 * address asked for, never the birthdate.
 */
final class ForgotUserIdEvent {

    private ForgotUserIdEvent() {
    }

    static EventBuilder of(KeycloakSession session, RealmModel realm, String clientId, ClientConnection connection, String email) {
        EventBuilder event = new EventBuilder(realm, session, connection)
                .event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(KosmoEvents.DETAIL_ACTION, KosmoEvents.ACTION_FORGOT_USER_ID)
                .detail(Details.EMAIL, email);
        if (clientId != null) {
            event.client(clientId);
        }
        return event;
    }
}
