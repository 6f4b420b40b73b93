package jp.kosmo.keycloak.recovery;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kosmo.keycloak.authmethod.AuthMethod;
import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A recovery or admin reset in progress, kept in the login's authentication session only: how the member proved who
 * they are, the sign-in credentials they had when it began (removed only once the new method works,
 * {@link LostCredentials}) and the method chosen. Nothing is written on the member until the end, so a recovery
 * abandoned half-way leaves the old method as it was.
 */
public final class RecoveryNotes {

    /** How the member got into the recovery: {@link #BY_RECOVERY_CODE}, {@link #BY_EMAIL_CODE}, {@link #BY_ADMIN}. */
    static final String BY_NOTE = "kosmo.recovery.by";
    static final String OLD_NOTE = "kosmo.recovery.old";
    static final String CHOSEN_NOTE = "kosmo.recovery.chosen";

    public static final String BY_RECOVERY_CODE = "recovery-code";
    public static final String BY_EMAIL_CODE = "email-code";
    public static final String BY_ADMIN = "admin";

    private final AuthenticationSessionModel authSession;

    private RecoveryNotes(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    public static RecoveryNotes of(AuthenticationSessionModel authSession) {
        return new RecoveryNotes(authSession);
    }

    public boolean active() {
        return authSession.getAuthNote(BY_NOTE) != null;
    }

    /**
     * Starts the recovery once per login: notes the member's sign-in credentials and asks, in this login only, for
     * the chooser 【8】 and the end of the recovery ({@value ResetSignInMethodActionFactory#PROVIDER_ID}).
     *
     * @return whether this call started it (false when it had started before in this login)
     */
    public boolean begin(UserModel user, String by) {
        if (active()) {
            return false;
        }
        authSession.setAuthNote(OLD_NOTE, signInCredentials(user).stream().map(LostCredentials.Stored::id)
                .collect(Collectors.joining(",")));
        authSession.setAuthNote(BY_NOTE, by);
        authSession.addRequiredAction(RequiredActionIds.AUTH_METHOD);
        authSession.addRequiredAction(ResetSignInMethodActionFactory.PROVIDER_ID);
        return true;
    }

    public Optional<String> by() {
        return Optional.ofNullable(authSession.getAuthNote(BY_NOTE));
    }

    Set<String> oldIds() {
        String note = authSession.getAuthNote(OLD_NOTE);
        return note == null || note.isBlank() ? Set.of() : Set.of(note.split(","));
    }

    /** The chooser's answer during a recovery. */
    public void chose(AuthMethod method) {
        authSession.setAuthNote(CHOSEN_NOTE, method.id());
    }

    Optional<AuthMethod> chosen() {
        return Optional.ofNullable(authSession.getAuthNote(CHOSEN_NOTE)).flatMap(AuthMethod::byId);
    }

    /** The member's credentials of the three sign-in methods (not the password, not recovery codes). */
    static List<LostCredentials.Stored> signInCredentials(UserModel user) {
        return Arrays.stream(AuthMethod.values())
                .flatMap(m -> user.credentialManager().getStoredCredentialsByTypeStream(m.credentialType()))
                .map(c -> new LostCredentials.Stored(c.getId(), c.getType()))
                .toList();
    }
}
