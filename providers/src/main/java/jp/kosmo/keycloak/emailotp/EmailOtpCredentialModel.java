package jp.kosmo.keycloak.emailotp;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;

/**
 * Marks that a member signs in with one-time codes sent to their verified email address. It holds no secret:
 * the codes live only in the authentication session of one login.
 */
public final class EmailOtpCredentialModel extends CredentialModel {

    public static final String TYPE = "kosmo-email-otp";

    private EmailOtpCredentialModel() {
    }

    public static EmailOtpCredentialModel create(String userLabel) {
        EmailOtpCredentialModel model = new EmailOtpCredentialModel();
        model.setType(TYPE);
        model.setUserLabel(userLabel);
        model.setCreatedDate(Time.currentTimeMillis());
        model.setSecretData("{}");
        model.setCredentialData("{}");
        return model;
    }

    public static EmailOtpCredentialModel from(CredentialModel stored) {
        EmailOtpCredentialModel model = new EmailOtpCredentialModel();
        model.setId(stored.getId());
        model.setType(stored.getType());
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setSecretData(stored.getSecretData());
        model.setCredentialData(stored.getCredentialData());
        return model;
    }
}
