package jp.kosmo.keycloak.recovery;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the member's old sign-in credentials go once a recovery or an admin reset has given the member a new
 * method. Pure rule: nothing is removed before the chosen method has a working credential.
 *
 * <ul>
 *   <li>passkey or authenticator app chosen: a credential of that type that is not among the old ones (a new
 *       passkey, a new app) must exist; then every old one goes;</li>
 *   <li>email codes chosen: the member's email-code credential (old or new; it needs no device) must exist; then
 *       every other old one goes.</li>
 * </ul>
 */
public final class LostCredentials {

    /** One stored credential of the member: its id and credential type. */
    public record Stored(String id, String type) {
    }

    private LostCredentials() {
    }

    /**
     * @param oldIds     the ids of the member's sign-in credentials when the recovery began
     * @param now        the member's sign-in credentials now
     * @param chosenType the credential type of the method chosen at the chooser, null if none was chosen
     * @param deviceless whether the chosen method needs no device (email codes)
     * @return the credentials to remove; empty when the new method is not working yet (nothing may be removed)
     */
    public static Optional<List<Stored>> toRemove(Set<String> oldIds, List<Stored> now, String chosenType,
                                                  boolean deviceless) {
        if (chosenType == null) {
            return Optional.empty();
        }
        boolean working = now.stream().anyMatch(c -> c.type().equals(chosenType)
                && (deviceless || !oldIds.contains(c.id())));
        if (!working) {
            return Optional.empty();
        }
        return Optional.of(now.stream()
                .filter(c -> oldIds.contains(c.id()))
                .filter(c -> !(deviceless && c.type().equals(chosenType)))
                .toList());
    }
}
