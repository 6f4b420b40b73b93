package jp.kosmo.keycloak.notices;

import jp.kosmo.keycloak.email.AddressMask;
import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.onboarding.RequiredActionIds;

import java.util.Map;
import java.util.Optional;

import org.keycloak.authentication.actiontoken.updateemail.UpdateEmailActionToken;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * Which notice, if any, a successful event calls for. Pure rules on the event and the member's address as it stands
 * while the event is sent (before the request's changes are committed):
 *
 * <ul>
 *   <li>{@code SEND_VERIFY_EMAIL} for an address other than the member's <em>verified</em> address: the verified
 *       address is told that someone asked to move the account to the (masked) new address. A member without a
 *       verified address (a first verification at the gate {@code kosmo-verified-email}, or Keycloak's own verify-email
 *       for the address on file) gets nothing: there is no address in force to warn.</li>
 *   <li>{@code UPDATE_EMAIL} made by Keycloak's update-email action (its confirmation link, action token
 *       {@value UpdateEmailActionToken#TOKEN_TYPE}, or the action itself when an admin turned verification off):
 *       the previous address is told the address was changed. That action only runs for a signed-in member, who
 *       got past the gate with a verified address; the gate's own {@code UPDATE_EMAIL} events (an address that was
 *       never verified) stay silent.</li>
 *   <li>the success of {@code kosmo-reset-sign-in-method} (the end of a recovery after a changed or lost phone, or
 *       of an admin's reset): the verified address is told the new method, the removed ones and how the member
 *       got in.</li>
 * </ul>
 */
final class NoticeRules {

    static final String UPDATE_EMAIL_ACTION = UserModel.RequiredAction.UPDATE_EMAIL.name();

    private NoticeRules() {
    }

    static Optional<Notice> decide(EventType type, Map<String, String> details, String currentEmail,
                                   boolean currentEmailVerified) {
        Map<String, String> d = details == null ? Map.of() : details;
        if (type == EventType.SEND_VERIFY_EMAIL) {
            return changeRequested(d.get(Details.EMAIL), currentEmail, currentEmailVerified);
        }
        if (type == EventType.UPDATE_EMAIL) {
            return changed(d);
        }
        if (type == EventType.CUSTOM_REQUIRED_ACTION
                && RequiredActionIds.RESET_SIGN_IN_METHOD.equals(d.get(Details.CUSTOM_REQUIRED_ACTION))) {
            return methodReset(d, currentEmail, currentEmailVerified);
        }
        return Optional.empty();
    }

    /** The sign-in method was reset: the verified address is told what changed (none without one). */
    private static Optional<Notice> methodReset(Map<String, String> details, String currentEmail,
                                                boolean currentEmailVerified) {
        if (!currentEmailVerified || isBlank(currentEmail)) {
            return Optional.empty();
        }
        return Optional.of(new Notice(Notice.Kind.SIGN_IN_METHOD_RESET, currentEmail.strip(), null)
                .with(Notice.NEW_METHOD, details.get(KosmoEvents.DETAIL_AUTH_METHOD))
                .with(Notice.REMOVED_METHODS, details.get(KosmoEvents.DETAIL_REMOVED_METHODS))
                .with(Notice.RECOVERED_BY, details.get(KosmoEvents.DETAIL_RECOVERED_BY)));
    }

    private static Optional<Notice> changeRequested(String target, String currentEmail, boolean currentEmailVerified) {
        if (!currentEmailVerified || isBlank(currentEmail) || isBlank(target) || sameAddress(currentEmail, target)) {
            return Optional.empty();
        }
        return Optional.of(new Notice(Notice.Kind.CHANGE_REQUESTED, currentEmail.strip(), AddressMask.mask(target)));
    }

    private static Optional<Notice> changed(Map<String, String> details) {
        String previous = details.get(Details.PREVIOUS_EMAIL);
        String updated = details.get(Details.UPDATED_EMAIL);
        if (isBlank(previous) || isBlank(updated) || sameAddress(previous, updated) || !byUpdateEmailAction(details)) {
            return Optional.empty();
        }
        return Optional.of(new Notice(Notice.Kind.ADDRESS_CHANGED, previous.strip(), AddressMask.mask(updated)));
    }

    private static boolean byUpdateEmailAction(Map<String, String> details) {
        return UpdateEmailActionToken.TOKEN_TYPE.equals(details.get(Details.ACTION))
                || UPDATE_EMAIL_ACTION.equals(details.get(Details.CUSTOM_REQUIRED_ACTION));
    }

    private static boolean sameAddress(String a, String b) {
        return a.strip().equalsIgnoreCase(b.strip());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
