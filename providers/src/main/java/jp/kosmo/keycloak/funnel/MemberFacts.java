package jp.kosmo.keycloak.funnel;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jp.kosmo.keycloak.authmethod.AuthMethod;
import jp.kosmo.keycloak.authmethod.MemberMethods;
import jp.kosmo.keycloak.birthdate.BirthdateAuthenticator;
import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import jp.kosmo.keycloak.roster.ActivationPassword;
import jp.kosmo.keycloak.terms.TermsRequiredAction;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * SQL: one row per member the filter selects, with what the funnel reads of them as 0/1 flags and times. The realm's
 * {@code USER_ENTITY} rows are joined to their rows of Keycloak's {@code USER_ATTRIBUTE}, {@code CREDENTIAL} and
 * {@code USER_REQUIRED_ACTION} with the names, types and actions below, through the {@code USER_ID} index each of those
 * tables has, and grouped per member: a few index look-ups per member, whatever the number of members. (Joining
 * grouped sub-selects instead made H2 scan a whole sub-select once per member, and a correlated look-up per member
 * and step made it read the attribute table once per member.) Columns: {@code ID, USERNAME, LAST_NAME, FIRST_NAME, ENABLED, CREATED_TIMESTAMP}, the flags
 * {@code LETTER, SIGNED_IN, BIRTHDATE, TERMS, EMAIL_VERIFIED, PENDING, LOCKED, ENROLLED, PASSWORD_CHANGE} and one
 * {@code M_<n>} per {@link AuthMethod}, the times {@code LETTER_AT} (epoch ms), {@code SIGNED_IN_AT},
 * {@code BIRTHDATE_AT}, {@code TERMS_AT} (ISO-8601) and {@code METHOD_AT} (epoch ms, the first method's credential).
 */
final class MemberFacts {

    /** Named parameter: the current terms version. */
    static final String TERMS_VERSION_PARAMETER = "termsVersion";

    private MemberFacts() {
    }

    static String sql(FunnelFilter filter) {
        List<String> names = List.of(ActivationPassword.EXPIRES_AT, ActivationPassword.CREDENTIAL_CREATED, FirstSignIn.ATTRIBUTE,
                BirthdateAuthenticator.VERIFIED_AT_ATTRIBUTE, TermsRequiredAction.VERSION_ATTRIBUTE,
                TermsRequiredAction.ACCEPTED_AT_ATTRIBUTE, MemberMethods.PENDING_ATTRIBUTE, UserModel.DISABLED_REASON);
        AuthMethod[] methods = AuthMethod.values();
        StringBuilder sql = new StringBuilder("SELECT u.ID, u.USERNAME, u.LAST_NAME, u.FIRST_NAME, u.ENABLED, u.CREATED_TIMESTAMP, ")
                .append(has(ActivationPassword.EXPIRES_AT)).append(" AS LETTER, ")
                .append(has(FirstSignIn.ATTRIBUTE)).append(" AS SIGNED_IN, ")
                .append(has(BirthdateAuthenticator.VERIFIED_AT_ATTRIBUTE)).append(" AS BIRTHDATE, ")
                .append("MAX(CASE WHEN a.NAME = '").append(TermsRequiredAction.VERSION_ATTRIBUTE).append("' AND a.VALUE = :")
                .append(TERMS_VERSION_PARAMETER).append(" THEN 1 ELSE 0 END) AS TERMS, ")
                .append("CASE WHEN u.EMAIL IS NOT NULL AND u.EMAIL_VERIFIED = TRUE THEN 1 ELSE 0 END AS EMAIL_VERIFIED, ")
                .append(has(MemberMethods.PENDING_ATTRIBUTE)).append(" AS PENDING, ")
                .append("MAX(CASE WHEN a.NAME = '").append(UserModel.DISABLED_REASON).append("' AND a.VALUE = '")
                .append(BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT).append("' THEN 1 ELSE 0 END) AS LOCKED, ")
                .append("MAX(CASE WHEN c.USER_ID IS NULL THEN 0 ELSE 1 END) AS ENROLLED, ")
                .append("MAX(CASE WHEN r.USER_ID IS NULL THEN 0 ELSE 1 END) AS PASSWORD_CHANGE, ");
        for (int i = 0; i < methods.length; i++) {
            sql.append("MAX(CASE WHEN c.TYPE = '").append(methods[i].credentialType()).append("' THEN 1 ELSE 0 END) AS M_")
                    .append(i).append(", ");
        }
        sql.append(value(ActivationPassword.CREDENTIAL_CREATED)).append(" AS LETTER_AT, ")
                .append(value(FirstSignIn.ATTRIBUTE)).append(" AS SIGNED_IN_AT, ")
                .append(value(BirthdateAuthenticator.VERIFIED_AT_ATTRIBUTE)).append(" AS BIRTHDATE_AT, ")
                .append(value(TermsRequiredAction.ACCEPTED_AT_ATTRIBUTE)).append(" AS TERMS_AT, ")
                .append("MIN(c.CREATED_DATE) AS METHOD_AT")
                .append(" FROM {h-schema}USER_ENTITY u")
                .append(" LEFT JOIN {h-schema}USER_ATTRIBUTE a ON a.USER_ID = u.ID AND a.NAME IN (").append(quoted(names)).append(")")
                .append(" LEFT JOIN {h-schema}CREDENTIAL c ON c.USER_ID = u.ID AND c.TYPE IN (")
                .append(quoted(Arrays.stream(methods).map(AuthMethod::credentialType).toList())).append(")")
                .append(" LEFT JOIN {h-schema}USER_REQUIRED_ACTION r ON r.USER_ID = u.ID AND r.REQUIRED_ACTION IN ('")
                .append(RequiredActionIds.KEYCLOAK_UPDATE_PASSWORD).append("', '").append(RequiredActionIds.UPDATE_PASSWORD).append("')")
                .append(" WHERE ").append(filter.where())
                .append(" GROUP BY u.ID, u.USERNAME, u.LAST_NAME, u.FIRST_NAME, u.ENABLED, u.CREATED_TIMESTAMP, u.EMAIL, u.EMAIL_VERIFIED");
        return sql.toString();
    }

    private static String has(String name) {
        return "MAX(CASE WHEN a.NAME = '" + name + "' THEN 1 ELSE 0 END)";
    }

    private static String value(String name) {
        return "MAX(CASE WHEN a.NAME = '" + name + "' THEN a.VALUE END)";
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    }
}
