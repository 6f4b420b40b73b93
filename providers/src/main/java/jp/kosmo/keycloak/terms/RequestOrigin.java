package jp.kosmo.keycloak.terms;

/**
 * Where an acceptance came from, cut to what the table holds: the client IP as Keycloak sees it (behind a proxy,
 * what Keycloak's {@code proxy-headers} option resolves) and the browser's {@code User-Agent}.
 *
 * <p>Both are untrusted text: control characters are replaced by spaces and the values are cut on a code point
 * boundary, so a long or odd header can never make the insert fail.
 */
public record RequestOrigin(String clientIp, String userAgent) {

    /** Column sizes of {@code KOSMO_TERMS_ACCEPTANCE}. */
    public static final int MAX_CLIENT_IP_LENGTH = 64;
    public static final int MAX_USER_AGENT_LENGTH = 255;

    public static RequestOrigin of(String clientIp, String userAgent) {
        return new RequestOrigin(clean(clientIp, MAX_CLIENT_IP_LENGTH), clean(userAgent, MAX_USER_AGENT_LENGTH));
    }

    /** {@code value} without control characters, at most {@code maxLength} UTF-16 units, never a split pair; null when empty. */
    static String clean(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxLength));
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            int width = Character.charCount(cp);
            if (out.length() + width > maxLength) {
                break;
            }
            out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp);
            i += width;
        }
        String result = out.toString().strip();
        return result.isEmpty() ? null : result;
    }
}
