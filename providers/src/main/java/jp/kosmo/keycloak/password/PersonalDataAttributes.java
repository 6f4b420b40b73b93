package jp.kosmo.keycloak.password;

import java.util.Arrays;
import java.util.List;

import jp.kosmo.keycloak.onboarding.MemberAttributes;
import org.keycloak.policy.PasswordPolicyConfigException;

/**
 * The policy's configuration: user attribute names, comma separated, the first being the birthdate
 * ({@code YYYY-MM-DD}) and the rest the insurance card's values (記号, 番号, ...).
 */
record PersonalDataAttributes(String birthdate, List<String> card) {

    static final String DEFAULT_CONFIG = String.join(",", MemberAttributes.BIRTHDATE, MemberAttributes.INSURANCE_SYMBOL,
            MemberAttributes.INSURANCE_NUMBER);
    static final PersonalDataAttributes DEFAULTS = parse(DEFAULT_CONFIG);

    static PersonalDataAttributes parse(String value) {
        String config = value == null || value.isBlank() ? DEFAULT_CONFIG : value;
        List<String> names = Arrays.stream(config.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty() || names.stream().anyMatch(n -> !n.matches("[A-Za-z0-9._-]+"))) {
            throw new PasswordPolicyConfigException("Expected attribute names, comma separated: birthdate first, then card values");
        }
        return new PersonalDataAttributes(names.get(0), names.subList(1, names.size()));
    }
}
