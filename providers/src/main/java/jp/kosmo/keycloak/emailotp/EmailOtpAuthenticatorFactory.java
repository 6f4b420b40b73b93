package jp.kosmo.keycloak.emailotp;

import java.util.List;

import jp.kosmo.keycloak.code.CodeBounds;
import jp.kosmo.keycloak.mail.MemberMails;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

public final class EmailOtpAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "kosmo-email-otp";

    private EmailOtpAuthenticator authenticator = new EmailOtpAuthenticator(CodeBounds.DESIGN,
            new MemberMails("email-code mails", MemberMails.DEFAULT_MAX_PENDING));
    private static final Requirement[] REQUIREMENT_CHOICES = {
            Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "KOSMO one-time code by email";
    }

    @Override
    public String getHelpText() {
        return "kosmoAdminEmailOtpHelp";
    }

    /**
     * {@code otp}: Keycloak's brute-force detector (26.6+) counts failures only for {@code password}, {@code otp}
     * and {@code recovery-authn-codes}. An emailed code is a one-time password.
     */
    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
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
        return EmailOtpConfigProperties.CONFIG_PROPERTIES;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public void init(Config.Scope config) {
        // --spi-authenticator--kosmo-email-otp--max-pending-mails: the code mails waiting or being sent on one node
        authenticator = new EmailOtpAuthenticator(CodeBounds.fromServer(config),
                MemberMails.configured("email-code mails", config));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
