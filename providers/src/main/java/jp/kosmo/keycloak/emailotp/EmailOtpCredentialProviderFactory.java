package jp.kosmo.keycloak.emailotp;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

public final class EmailOtpCredentialProviderFactory implements CredentialProviderFactory<EmailOtpCredentialProvider> {

    public static final String PROVIDER_ID = "kosmo-email-otp";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public EmailOtpCredentialProvider create(KeycloakSession session) {
        return new EmailOtpCredentialProvider(session);
    }
}
