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
 * SQL: one row per member the filter selects, with what the funnel reads of them as 0/1 flags and times. Keycloak's
 * {@code USER_ATTRIBUTE}, {@code CREDENTIAL} and {@code USER_REQUIRED_ACTION} are each read once, only the rows with
 * the names, types and actions below, grouped per member and joined to {@code USER_ENTITY} by id: one pass per table,
 * whatever the number of members (a correlated look-up per member and step made H2 read the attribute table once per
 * member). Columns: {@code ID, USERNAME, LAST_NAME, FIRST_NAME, ENABLED, CREATED_TIMESTAMP}, the flags
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
        String attributes = "SELECT a.USER_ID, "
                + has(ActivationPassword.EXPIRES_AT) + " AS LETTER, "
                + has(FirstSignIn.ATTRIBUTE) + " AS SIGNED_IN, "
                + has(BirthdateAuthenticator.VERIFIED_AT_ATTRIBUTE) + " AS BIRTHDATE, "
                + "MAX(CASE WHEN a.NAME = '" + TermsRequiredAction.VERSION_ATTRIBUTE + "' AND a.VALUE = :" + TERMS_VERSION_PARAMETER
                + " THEN 1 ELSE 0 END) AS TERMS, "
                + has(MemberMethods.PENDING_ATTRIBUTE) + " AS PENDING, "
                + "MAX(CASE WHEN a.NAME = '" + UserModel.DISABLED_REASON + "' AND a.VALUE = '"
                + BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT + "' THEN 1 ELSE 0 END) AS LOCKED, "
                + value(ActivationPassword.CREDENTIAL_CREATED) + " AS LETTER_AT, "
                + value(FirstSignIn.ATTRIBUTE) + " AS SIGNED_IN_AT, "
                + value(BirthdateAuthenticator.VERIFIED_AT_ATTRIBUTE) + " AS BIRTHDATE_AT, "
                + value(TermsRequiredAction.ACCEPTED_AT_ATTRIBUTE) + " AS TERMS_AT"
                + " FROM {h-schema}USER_ATTRIBUTE a WHERE a.NAME IN (" + quoted(names) + ") GROUP BY a.USER_ID";
        StringBuilder credentials = new StringBuilder("SELECT c.USER_ID");
        AuthMethod[] methods = AuthMethod.values();
        for (int i = 0; i < methods.length; i++) {
            credentials.append(", MAX(CASE WHEN c.TYPE = '").append(methods[i].credentialType()).append("' THEN 1 ELSE 0 END) AS M_").append(i);
        }
        credentials.append(", MIN(c.CREATED_DATE) AS METHOD_AT FROM {h-schema}CREDENTIAL c WHERE c.TYPE IN (")
                .append(quoted(Arrays.stream(methods).map(AuthMethod::credentialType).toList())).append(") GROUP BY c.USER_ID");
        String passwordChange = "SELECT r.USER_ID FROM {h-schema}USER_REQUIRED_ACTION r WHERE r.REQUIRED_ACTION IN ('"
                + RequiredActionIds.KEYCLOAK_UPDATE_PASSWORD + "', '" + RequiredActionIds.UPDATE_PASSWORD + "') GROUP BY r.USER_ID";
        StringBuilder sql = new StringBuilder("SELECT u.ID, u.USERNAME, u.LAST_NAME, u.FIRST_NAME, u.ENABLED, u.CREATED_TIMESTAMP, ")
                .append("COALESCE(at.LETTER, 0) AS LETTER, COALESCE(at.SIGNED_IN, 0) AS SIGNED_IN, COALESCE(at.BIRTHDATE, 0) AS BIRTHDATE, ")
                .append("COALESCE(at.TERMS, 0) AS TERMS, ")
                .append("CASE WHEN u.EMAIL IS NOT NULL AND u.EMAIL_VERIFIED = TRUE THEN 1 ELSE 0 END AS EMAIL_VERIFIED, ")
                .append("COALESCE(at.PENDING, 0) AS PENDING, COALESCE(at.LOCKED, 0) AS LOCKED, ")
                .append("CASE WHEN cr.USER_ID IS NULL THEN 0 ELSE 1 END AS ENROLLED, ")
                .append("CASE WHEN pw.USER_ID IS NULL THEN 0 ELSE 1 END AS PASSWORD_CHANGE, ");
        for (int i = 0; i < methods.length; i++) {
            sql.append("COALESCE(cr.M_").append(i).append(", 0) AS M_").append(i).append(", ");
        }
        sql.append("at.LETTER_AT, at.SIGNED_IN_AT, at.BIRTHDATE_AT, at.TERMS_AT, cr.METHOD_AT")
                .append(" FROM {h-schema}USER_ENTITY u")
                .append(" LEFT JOIN (").append(attributes).append(") at ON at.USER_ID = u.ID")
                .append(" LEFT JOIN (").append(credentials).append(") cr ON cr.USER_ID = u.ID")
                .append(" LEFT JOIN (").append(passwordChange).append(") pw ON pw.USER_ID = u.ID")
                .append(" WHERE ").append(filter.where());
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
