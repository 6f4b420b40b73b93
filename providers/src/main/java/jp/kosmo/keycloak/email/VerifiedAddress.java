package jp.kosmo.keycloak.email;

import org.keycloak.authentication.requiredactions.UpdateEmail;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.ValidationException;

/**
 * The moment a pending address becomes the member's: after the code or the link proved the mailbox, the address is
 * written through the user profile (Keycloak's update-email rules, an {@code UPDATE_EMAIL} event when it changes) and
 * marked verified, in one step. Before that moment the member keeps whatever was on file.
 */
final class VerifiedAddress {

    private VerifiedAddress() {
    }

    /** False when the address can no longer be the member's (another member took it meanwhile); nothing changes. */
    static boolean apply(KeycloakSession session, UserModel user, String address, EventBuilder baseEvent) {
        String previous = user.getEmail();
        if (previous == null || !previous.equalsIgnoreCase(address)) {
            UserProfile profile;
            try {
                profile = UpdateEmail.validateEmailUpdate(session, user, address);
            } catch (ValidationException invalid) {
                return false;
            }
            EventBuilder event = baseEvent.clone().event(EventType.UPDATE_EMAIL).user(user);
            UpdateEmail.updateEmailNow(event, user, profile);
            event.success();
        }
        user.setEmailVerified(true);
        return true;
    }
}
