package jp.kosmo.keycloak.enrolment;

import jakarta.ws.rs.core.MultivaluedMap;

import jp.kosmo.keycloak.emailotp.OtpCodes;
import org.keycloak.http.HttpRequest;

/**
 * Normalises a one-time-code field of the current request before Keycloak's own provider reads it, so codes
 * typed with spaces or full-width digits (as phones and Japanese IMEs produce) are accepted.
 */
final class FormInput {

    private FormInput() {
    }

    static void normaliseCode(HttpRequest request, String field) {
        MultivaluedMap<String, String> form = request.getDecodedFormParameters();
        String typed = form.getFirst(field);
        String digits = OtpCodes.normalise(typed);
        if (digits != null && !digits.equals(typed)) {
            form.putSingle(field, digits);
        }
    }
}
