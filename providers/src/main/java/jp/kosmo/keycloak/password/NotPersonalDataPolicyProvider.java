package jp.kosmo.keycloak.password;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.kosmo.keycloak.birthdate.BirthdateInput;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Password policy {@code kosmo-not-birthdate}: refuses a password that contains the member's birthdate or the
 * insurance card's symbol or number, which the initial password (記号+番号+生年月日) was built from.
 */
final class NotPersonalDataPolicyProvider implements PasswordPolicyProvider {

    static final String ERROR = "kosmoInvalidPasswordPersonalData";

    private final KeycloakContext context;

    NotPersonalDataPolicyProvider(KeycloakContext context) {
        this.context = context;
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        if (user == null || isSetByAdmin()) {
            return null;
        }
        PersonalDataAttributes attributes = realm.getPasswordPolicy()
                .getPolicyConfig(NotPersonalDataPolicyProviderFactory.ID);
        if (attributes == null) {
            attributes = PersonalDataAttributes.DEFAULTS;
        }
        Optional<LocalDate> birthdate = Optional.ofNullable(user.getFirstAttribute(attributes.birthdate()))
                .map(value -> BirthdateInput.parse(value, LocalDate.MAX))
                .filter(BirthdateInput.Result::isValid)
                .map(BirthdateInput.Result::date);
        if (birthdate.isPresent() && PersonalDataInPassword.containsBirthdate(password, birthdate.get())) {
            return new PolicyError(ERROR);
        }
        List<String> cardValues = attributes.card().stream().map(user::getFirstAttribute).toList();
        return PersonalDataInPassword.containsAny(password, cardValues) ? new PolicyError(ERROR) : null;
    }

    /**
     * The union's initial passwords are 記号+番号+生年月日 by design (manual: returning members). Admins set them
     * through the admin API; the rule is for the passwords members choose.
     */
    private boolean isSetByAdmin() {
        String path;
        try {
            path = context.getUri() == null ? null : context.getUri().getRequestUri().getPath();
        } catch (RuntimeException noRequest) {
            // Outside a request (the realm import at server start: --import-realm, kc.sh import) Quarkus has no
            // request context and the URI proxy throws ContextNotActiveException.
            path = null;
        }
        if (path == null) {
            return true; // no HTTP request: a realm import at server start or a CLI job, done by an operator
        }
        return path.contains("/admin/realms/") || path.endsWith("/admin/realms");
    }

    @Override
    public PolicyError validate(String user, String password) {
        // only the user name is known here (e.g. registration before the user exists): nothing to compare
        return null;
    }

    @Override
    public Object parseConfig(String value) {
        return PersonalDataAttributes.parse(value);
    }

    @Override
    public void close() {
    }
}
