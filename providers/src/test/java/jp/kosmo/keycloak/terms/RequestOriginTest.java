package jp.kosmo.keycloak.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestOriginTest {

    @Test
    @DisplayName("an ordinary IP and user agent are kept as they are")
    void ordinary() {
        RequestOrigin origin = RequestOrigin.of("192.0.2.10", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0");
        assertEquals("192.0.2.10", origin.clientIp());
        assertEquals("Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0", origin.userAgent());
    }

    @Test
    @DisplayName("a long user agent is cut to the column size")
    void longUserAgent() {
        String agent = "a".repeat(1000);
        assertEquals(RequestOrigin.MAX_USER_AGENT_LENGTH, RequestOrigin.of("::1", agent).userAgent().length());
    }

    @Test
    @DisplayName("cutting never splits a surrogate pair")
    void surrogatePairs() {
        String agent = "a".repeat(RequestOrigin.MAX_USER_AGENT_LENGTH - 1) + "😀😀";
        String kept = RequestOrigin.of(null, agent).userAgent();
        assertEquals(RequestOrigin.MAX_USER_AGENT_LENGTH - 1, kept.length());
        assertTrue(kept.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }

    @Test
    @DisplayName("control characters become spaces; missing or blank values are null")
    void controlAndBlank() {
        assertEquals("evil agent", RequestOrigin.of(null, "evil\r\nagent").userAgent().replaceAll(" +", " "));
        assertNull(RequestOrigin.of(null, null).userAgent());
        assertNull(RequestOrigin.of(" ", "\t").clientIp());
        assertNull(RequestOrigin.of(" ", "\t").userAgent());
    }

    @Test
    @DisplayName("an IPv6 address fits")
    void ipv6() {
        String ip = "2001:0db8:85a3:0000:0000:8a2e:0370:7334%eth0";
        assertEquals(ip, RequestOrigin.of(ip, null).clientIp());
    }
}
