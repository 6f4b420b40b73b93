package jp.kosmo.keycloak.onboarding;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.kosmo.keycloak.authmethod.AuthMethodConfig;
import jp.kosmo.keycloak.authmethod.MemberMethods;
import jp.kosmo.keycloak.birthdate.BirthdateAuthenticator;
import jp.kosmo.keycloak.email.MemberAddress;
import jp.kosmo.keycloak.recovery.RecoveryCodesMode;
import jp.kosmo.keycloak.terms.TermsConfig;
import jp.kosmo.keycloak.terms.TermsRequiredAction;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Reads the {@link MemberState} and the {@link OnboardingSettings} from Keycloak's models, for
 * {@link OnboardingPlan#of(MemberState, OnboardingSettings)}. Reads only: nothing here runs a required action's
 * triggers or writes to the member.
 */
final class OnboardingFacts {

    /**
     * Keycloak's name for a requested password change (a temporary password, a reset), and ours if it differs (the
     * two may be the same name, so not {@code Set.of}).
     */
    private static final Set<String> PASSWORD_CHANGE = Stream.of(UserModel.RequiredAction.UPDATE_PASSWORD.name(),
            RequiredActionIds.UPDATE_PASSWORD).collect(Collectors.toUnmodifiableSet());

    private OnboardingFacts() {
    }

    /**
     * The member's state now.
     *
     * @param birthdateOnFile whether a usable birthdate is on file (only the birthdate check knows its attribute)
     */
    static MemberState member(UserModel user, AuthenticationSessionModel authSession, boolean birthdateOnFile) {
        boolean passwordChange = Stream.concat(user.getRequiredActionsStream(), authSession.getRequiredActions().stream())
                .anyMatch(OnboardingFacts::requestsPasswordChange);
        boolean verifiedAddress = MemberAddress.verified(user) != null;
        boolean recoveryCodes = user.credentialManager()
                .getStoredCredentialsByTypeStream(RecoveryAuthnCodesCredentialModel.TYPE).findAny().isPresent();
        return new MemberState(user.getFirstAttribute(BirthdateAuthenticator.VERIFIED_AT_ATTRIBUTE) != null, birthdateOnFile,
                user.getFirstAttribute(TermsRequiredAction.VERSION_ATTRIBUTE), verifiedAddress, MemberMethods.of(user).state(),
                passwordChange, recoveryCodes);
    }

    /** Whether this pending required action is a password change. */
    static boolean requestsPasswordChange(String requiredAction) {
        return PASSWORD_CHANGE.contains(requiredAction);
    }

    static OnboardingSettings realm(RealmModel realm, OnboardingSettings.BirthdateCheck birthdate) {
        return new OnboardingSettings(birthdate,
                enabled(realm, RequiredActionIds.TERMS),
                TermsConfig.of(realm.getRequiredActionConfigByAlias(RequiredActionIds.TERMS)).version(),
                enabled(realm, RequiredActionIds.VERIFIED_EMAIL),
                enabled(realm, RequiredActionIds.AUTH_METHOD),
                AuthMethodConfig.of(realm).enrolNow(),
                RecoveryCodesMode.of(realm) != RecoveryCodesMode.OFF);
    }

    private static boolean enabled(RealmModel realm, String alias) {
        RequiredActionProviderModel model = realm.getRequiredActionProviderByAlias(alias);
        return model != null && model.isEnabled();
    }
}
