package jp.kosmo.keycloak.recovery;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.authmethod.AuthMethod;
import jp.kosmo.keycloak.authmethod.MemberMethods;
import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.metrics.KosmoMetrics;
import jp.kosmo.keycloak.metrics.Tags;
import jp.kosmo.keycloak.metrics.Tally;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.UserModel;

/**
 * The end of a recovery (changed or lost phone) and the admin's reset of a member's sign-in method.
 *
 * <p>Set on the member by an admin: at the next login, after the password and the birthdate (the second factor is
 * skipped while it is set, see {@link NoMethodResetCondition}), the member goes through the chooser 【8】 and the
 * enrolment. Asked for by {@link PhoneRecoveryAuthenticator} in the login only, after a recovery code or a mailed code
 * plus the birthdate. Either way it comes after the chooser and the enrolment (priority 35) and, once the chosen
 * method works, removes the credentials the member had when the recovery began ({@link LostCredentials}); Keycloak
 * then takes the action off the member. The event Keycloak emits for its success ({@code CUSTOM_REQUIRED_ACTION})
 * carries how the member got in, the new method and the removed ones, and makes the notice mail go
 * ({@code notices}). Abandoned half-way, nothing was removed and (for an admin reset) the action stays on the member.
 */
public final class ResetSignInMethodAction implements RequiredActionProvider {

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        if (hasAdminReset(user) && RecoveryNotes.of(context.getAuthenticationSession()).begin(user, RecoveryNotes.BY_ADMIN)) {
            KosmoMetrics.count(context.getSession(), context.getRealm(),
                    Tally.recovery(Tags.RecoveredBy.ADMIN, Tags.RecoveryOutcome.STARTED));
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        UserModel user = context.getUser();
        RecoveryNotes notes = RecoveryNotes.of(context.getAuthenticationSession());
        Optional<AuthMethod> chosen = notes.chosen();
        Optional<List<LostCredentials.Stored>> removal = LostCredentials.toRemove(notes.oldIds(),
                RecoveryNotes.signInCredentials(user), chosen.map(AuthMethod::credentialType).orElse(null),
                chosen.orElse(null) == AuthMethod.EMAIL_OTP);
        if (!notes.active() || chosen.isEmpty() || removal.isEmpty()) {
            // the chooser was not passed (switched off?) or the new method did not come: nothing is removed
            context.challenge(context.form().setError("kosmoResetNotFinished")
                    .createErrorPage(Response.Status.BAD_REQUEST));
            return;
        }
        List<LostCredentials.Stored> lost = removal.get();
        lost.forEach(c -> user.credentialManager().removeStoredCredentialById(c.id()));
        user.setSingleAttribute(MemberMethods.CHOSEN_ATTRIBUTE, chosen.get().id());
        user.removeAttribute(MemberMethods.PENDING_ATTRIBUTE);
        // on the event Keycloak emits for this action's success (CUSTOM_REQUIRED_ACTION)
        context.getEvent()
                .detail(KosmoEvents.DETAIL_RECOVERED_BY, notes.by().orElse(RecoveryNotes.BY_ADMIN))
                .detail(KosmoEvents.DETAIL_AUTH_METHOD, chosen.get().id())
                .detail(KosmoEvents.DETAIL_REMOVED_METHODS, methodIds(lost));
        context.success();
    }

    @Override
    public void processAction(RequiredActionContext context) {
        requiredActionChallenge(context);
    }

    /** An admin has reset this member's sign-in method and the member has not chosen a new one yet. */
    public static boolean hasAdminReset(UserModel user) {
        return user.getRequiredActionsStream().anyMatch(ResetSignInMethodActionFactory.PROVIDER_ID::equals);
    }

    private static String methodIds(List<LostCredentials.Stored> lost) {
        return lost.stream()
                .map(c -> Arrays.stream(AuthMethod.values()).filter(m -> m.credentialType().equals(c.type()))
                        .map(AuthMethod::id).findFirst().orElse(c.type()))
                .distinct()
                .collect(Collectors.joining(","));
    }

    @Override
    public void close() {
    }
}
