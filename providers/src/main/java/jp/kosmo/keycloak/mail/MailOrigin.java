package jp.kosmo.keycloak.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.keycloak.events.Event;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Who a background mail is for and which request asked for it, copied while that request is still there: ids only
 * (realm, member, client), the page's language, and what the request's event knew (type, IP address, details), so
 * the background session can write the mail's event as the request would have.
 */
public record MailOrigin(String realmId, String userId, String locale, EventType eventType, String clientId,
                         String ipAddress, Map<String, String> details) {

    public MailOrigin {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The origin of a mail asked for in {@code session}'s request for {@code user}; {@code requestEvent} may be null. */
    public static MailOrigin of(KeycloakSession session, RealmModel realm, UserModel user, EventBuilder requestEvent) {
        Event event = requestEvent == null ? null : requestEvent.getEvent();
        Map<String, String> details = new HashMap<>();
        if (event != null && event.getDetails() != null) {
            event.getDetails().forEach((k, v) -> {
                if (k != null && v != null) {
                    details.put(k, v);
                }
            });
        }
        return new MailOrigin(realm.getId(), user.getId(), locale(session, user),
                event == null ? null : event.getType(), event == null ? null : event.getClientId(),
                event == null ? null : event.getIpAddress(), details);
    }

    /**
     * Enters the mail's realm in the background {@code session} (its context and the page's language for Keycloak's
     * locale selector); null when the realm is gone.
     */
    public RealmModel realm(KeycloakSession session) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return null;
        }
        session.getContext().setRealm(realm);
        if (locale != null) {
            // read by Keycloak's locale selector before the member's own setting, as for a language picked on a page
            session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, locale);
        }
        return realm;
    }

    /** The member, looked up by id; null when gone. */
    public UserModel user(KeycloakSession session, RealmModel realm) {
        return session.users().getUserById(realm, userId);
    }

    /** An event of {@code type} (or the request's type when null) with the request's client, IP, details and member. */
    public EventBuilder event(KeycloakSession session, RealmModel realm, EventType type) {
        EventBuilder event = new EventBuilder(realm, session).event(type != null ? type : eventType != null ? eventType : EventType.LOGIN)
                .user(userId);
        if (clientId != null) {
            event.client(clientId);
        }
        if (ipAddress != null) {
            event.ipAddress(ipAddress);
        }
        details.forEach(event::detail);
        return event;
    }

    private static String locale(KeycloakSession session, UserModel user) {
        try {
            Locale locale = session.getContext().resolveLocale(user);
            return locale == null ? null : locale.toLanguageTag();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
