package jp.kosmo.keycloak.forgotuserid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Guards the form against posts from other sites: a random token in a {@code SameSite=Strict}, HttpOnly cookie and
 * the same token in a hidden field (double submit). A cross-site page can neither read the cookie nor make the
 * browser send it with its post.
 */
final class CsrfToken {

    static final String COOKIE = "KOSMO_FORGOT_USER_ID";
    static final String FIELD = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private CsrfToken() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when {@code value} could be a token this class made (anything else in the cookie is ignored). */
    static boolean wellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    static boolean matches(String cookieValue, String fieldValue) {
        return wellFormed(cookieValue) && wellFormed(fieldValue)
                && MessageDigest.isEqual(cookieValue.getBytes(StandardCharsets.US_ASCII), fieldValue.getBytes(StandardCharsets.US_ASCII));
    }

    /** The {@code Set-Cookie} header value: a browser-session cookie for the page's own path only. */
    static String setCookieHeader(String token, String path, boolean secure) {
        return COOKIE + "=" + token + "; Path=" + path + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
