package jp.kosmo.keycloak.recovery;

import java.util.List;

import jp.kosmo.keycloak.mail.MemberMails;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.RecoveryAuthnCodesCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Registers {@value #PROVIDER_ID}, an alternative of the browser flow's second-factor step. The theme's messages
 * {@code kosmo-phone-recovery-display-name} / {@code -help-text} name it in Keycloak's "try another way" list.
 */
public final class PhoneRecoveryAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "kosmo-phone-recovery";
    private PhoneRecoveryAuthenticator authenticator = new PhoneRecoveryAuthenticator(
            new MemberMails("recovery-code mails", MemberMails.DEFAULT_MAX_PENDING));
    private static final Requirement[] REQUIREMENT_CHOICES = {Requirement.ALTERNATIVE, Requirement.DISABLED};

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "KOSMO: changed or lost phone (recovery)";
    }

    @Override
    public String getHelpText() {
        return "Recovery after the password: a recovery code, or a code mailed to the verified address plus the "
                + "birthdate; then the member chooses and enrols a method again.";
    }

    /**
     * {@code recovery-authn-codes}: Keycloak's brute-force detector (26.6+) counts failures only for
     * {@code password}, {@code otp} and {@code recovery-authn-codes}.
     */
    @Override
    public String getReferenceCategory() {
        return RecoveryAuthnCodesCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PhoneRecoveryConfig.PROPERTIES;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public void init(Config.Scope config) {
        // --spi-authenticator--kosmo-phone-recovery--max-pending-mails: recovery-code mails waiting or being sent on one node
        authenticator = new PhoneRecoveryAuthenticator(MemberMails.configured("recovery-code mails", config));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
