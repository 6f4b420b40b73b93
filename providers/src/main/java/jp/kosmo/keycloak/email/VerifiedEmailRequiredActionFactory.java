package jp.kosmo.keycloak.email;

import java.security.SecureRandom;
import java.util.List;

import jp.kosmo.keycloak.code.CodeBounds;
import jp.kosmo.keycloak.code.CodeIssuer;
import jp.kosmo.keycloak.mail.MemberMails;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;

/** Registers {@link VerifiedEmailRequiredAction} as the configurable required action {@value #PROVIDER_ID}. */
public final class VerifiedEmailRequiredActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "kosmo-verified-email";

    private VerifiedEmailRequiredAction action;
    private CodeBounds bounds = CodeBounds.DESIGN;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "KOSMO verified email";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return VerifiedEmailConfigProperties.CONFIG_PROPERTIES;
    }

    /** Refuses settings outside the {@link CodeBounds} when an admin saves them. */
    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        List<VerifiedEmailConfig.Problem> problems = VerifiedEmailConfig.problems(model.getConfig(), bounds);
        if (!problems.isEmpty()) {
            VerifiedEmailConfig.Problem first = problems.get(0);
            throw new ValidationException(new ValidationError(PROVIDER_ID, first.property(), first.messageKey(),
                    first.parameters()));
        }
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return action;
    }

    @Override
    public void init(Config.Scope config) {
        SecureRandom random = new SecureRandom();
        bounds = CodeBounds.fromServer(config);
        // --spi-required-action--kosmo-verified-email--max-pending-mails: verification mails waiting or being sent on one node
        action = new VerifiedEmailRequiredAction(new VerificationMailer(new CodeIssuer(random),
                MemberMails.configured("verification mails", config)), bounds);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
