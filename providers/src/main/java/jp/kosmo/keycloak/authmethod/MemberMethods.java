package jp.kosmo.keycloak.authmethod;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import jp.kosmo.keycloak.onboarding.MemberState;
import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.keycloak.models.UserModel;

/** What a member has of the three methods: an enrolled credential (the truth) or a pending enrolment. */
public final class MemberMethods {

    /** Mirrors the member's choice for admins (the credential stays the truth). */
    public static final String CHOSEN_ATTRIBUTE = "kosmoAuthMethod";
    /**
     * Set when the member chose a method to be enrolled at the next login (manual 【11】); removed when the member has
     * enrolled a method ({@link #enrolmentSucceeded()}).
     */
    public static final String PENDING_ATTRIBUTE = "kosmoAuthMethodPending";

    private static final Set<String> ENROLMENT_ACTIONS = Set.of(
            RequiredActionIds.CONFIGURE_TOTP, RequiredActionIds.PASSKEY_REGISTER,
            RequiredActionIds.KEYCLOAK_CONFIGURE_TOTP, RequiredActionIds.KEYCLOAK_PASSKEY_REGISTER);

    private final UserModel user;

    private MemberMethods(UserModel user) {
        this.user = user;
    }

    public static MemberMethods of(UserModel user) {
        return new MemberMethods(user);
    }

    public boolean hasEnrolledMethod() {
        return Arrays.stream(AuthMethod.values()).anyMatch(this::isEnrolled);
    }

    public boolean isEnrolled(AuthMethod method) {
        return user.credentialManager().getStoredCredentialsByTypeStream(method.credentialType()).findAny().isPresent();
    }

    /**
     * An enrolment required action is already on the member (chosen, not yet done): ours, or Keycloak's built-in one
     * that ours takes over (an admin's "Configure OTP").
     */
    public boolean hasEnrolmentPending() {
        return user.getRequiredActionsStream().anyMatch(ENROLMENT_ACTIONS::contains);
    }

    /**
     * The member had chosen a method (the mirror attribute is set) but has none enrolled, none being enrolled and none
     * waiting for the next login: the credential was removed (account console, admin). Such a member must not reach
     * the chooser with the password alone.
     */
    public boolean lostEveryMethod() {
        return user.getFirstAttribute(CHOSEN_ATTRIBUTE) != null && !hasEnrolledMethod() && !hasEnrolmentPending()
                && pendingForNextLogin().isEmpty();
    }

    /** The method chosen for the next login, while none is enrolled. */
    public Optional<AuthMethod> pendingForNextLogin() {
        Optional<AuthMethod> pending = Optional.ofNullable(user.getFirstAttribute(PENDING_ATTRIBUTE)).flatMap(AuthMethod::byId);
        return pending.isPresent() && !hasEnrolledMethod() ? pending : Optional.empty();
    }

    /** Where the member stands, for the onboarding's page count. */
    public MemberState.Method state() {
        if (hasEnrolledMethod()) {
            return MemberState.Method.ENROLLED;
        }
        if (hasEnrolmentPending()) {
            return MemberState.Method.ENROLMENT_PENDING;
        }
        if (pendingForNextLogin().isPresent()) {
            return MemberState.Method.NEXT_LOGIN;
        }
        return user.getFirstAttribute(CHOSEN_ATTRIBUTE) != null ? MemberState.Method.LOST : MemberState.Method.NONE;
    }

    /**
     * Called where an enrolment page succeeded (the member acted): once a method is enrolled, the choice that was
     * waiting for the next login is done and its attribute goes.
     */
    public void enrolmentSucceeded() {
        if (user.getFirstAttribute(PENDING_ATTRIBUTE) != null && hasEnrolledMethod()) {
            user.removeAttribute(PENDING_ATTRIBUTE);
        }
    }
}
