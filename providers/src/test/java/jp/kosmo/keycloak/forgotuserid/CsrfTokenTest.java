package jp.kosmo.keycloak.forgotuserid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsrfTokenTest {

    @Test
    @DisplayName("a fresh token matches itself only")
    void matches() {
        String token = CsrfToken.generate();
        assertTrue(CsrfToken.matches(token, token));
        assertFalse(CsrfToken.matches(token, CsrfToken.generate()));
        assertNotEquals(token, CsrfToken.generate());
    }

    @Test
    @DisplayName("missing or malformed values never match, even when equal")
    void malformed() {
        assertFalse(CsrfToken.matches(null, null));
        assertFalse(CsrfToken.matches("", ""));
        assertFalse(CsrfToken.matches("abc", "abc"));
    }

    @Test
    @DisplayName("the cookie is HttpOnly, SameSite=Strict, limited to the page's path; Secure over https")
    void cookie() {
        assertEquals("KOSMO_FORGOT_USER_ID=t; Path=/realms/kosmo/kosmo-forgot-user-id; HttpOnly; SameSite=Strict; Secure",
                CsrfToken.setCookieHeader("t", "/realms/kosmo/kosmo-forgot-user-id", true));
    }
}
