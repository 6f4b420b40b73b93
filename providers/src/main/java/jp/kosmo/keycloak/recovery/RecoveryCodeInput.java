package jp.kosmo.keycloak.recovery;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A recovery code as typed: full-width letters and digits (a Japanese IME), spaces and hyphens between the groups
 * and lower case are accepted; what is left must be the letters and digits of one of Keycloak's codes.
 */
public final class RecoveryCodeInput {

    /** Longer input is refused unread. */
    public static final int MAX_RAW_LENGTH = 64;

    private RecoveryCodeInput() {
    }

    /** The code in Keycloak's form (upper-case letters and digits), or null when nothing usable was typed. */
    public static String normalise(String raw) {
        if (raw == null || raw.length() > MAX_RAW_LENGTH) {
            return null;
        }
        String code = Normalizer.normalize(raw, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\-\u2010-\u2015\u30FC]", "")
                .toUpperCase(Locale.ROOT);
        return code.isEmpty() || !code.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                ? null : code;
    }
}
