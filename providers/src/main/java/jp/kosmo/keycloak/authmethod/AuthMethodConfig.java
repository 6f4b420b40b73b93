package jp.kosmo.keycloak.authmethod;

import static jp.kosmo.keycloak.authmethod.AuthMethodConfigProperties.*;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;

/** Typed view of the {@code kosmo-auth-method} configuration. Unknown ids are ignored; none left = defaults. */
public record AuthMethodConfig(List<AuthMethod> methods, boolean enrolNow) {

    public static final AuthMethodConfig DEFAULTS = of(Map.of());

    public static AuthMethodConfig of(RealmModel realm) {
        return of(realm.getRequiredActionConfigByAlias(RequiredActionIds.AUTH_METHOD));
    }

    public static AuthMethodConfig of(RequiredActionConfigModel model) {
        return model == null || model.getConfig() == null ? DEFAULTS : of(model.getConfig());
    }

    static AuthMethodConfig of(Map<String, String> config) {
        List<AuthMethod> methods = parse(config.get(METHODS));
        if (methods.isEmpty()) {
            methods = parse(DEFAULT_METHODS);
        }
        String enrolment = Optional.ofNullable(config.get(ENROLMENT)).map(String::trim).orElse(DEFAULT_ENROLMENT);
        return new AuthMethodConfig(methods, !ENROL_NEXT_LOGIN.equals(enrolment));
    }

    private static List<AuthMethod> parse(String value) {
        if (value == null) {
            return List.of();
        }
        LinkedHashSet<AuthMethod> ordered = new LinkedHashSet<>();
        Arrays.stream(value.split("[,\\s#]+"))
                .map(String::trim)
                .map(AuthMethod::byId)
                .flatMap(Optional::stream)
                .forEach(ordered::add);
        return List.copyOf(ordered);
    }
}
