package jp.kosmo.keycloak.enrolment;

import jakarta.ws.rs.core.MultivaluedMap;

import jp.kosmo.keycloak.code.CodeInput;
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
        CodeInput.Result code = CodeInput.parse(typed);
        if (code.isValid() && !code.code().equals(typed)) {
            form.putSingle(field, code.code());
        }
    }
}
