package jp.kosmo.keycloak.forgotuserid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LimitKeysTest {

    private static final String REALM = "realm-id-1";
    private static final SecretKey SECRET = secret("fixed secret of the test realm, 64 bytes long.........................");

    private static SecretKey secret(String text) {
        return new SecretKeySpec(text.getBytes(StandardCharsets.UTF_8), "HmacSHA512");
    }

    @Nested
    @DisplayName("HMAC-SHA-512")
    class Hmac {

        @Test
        @DisplayName("RFC 4231 test case 2")
        void rfc4231() {
            LimitKeys keys = new LimitKeys(secret("Jefe"), REALM);
            assertEquals("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                            + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
                    HexFormat.of().formatHex(keys.hmac("what do ya want for nothing?")));
        }

        @Test
        @DisplayName("a counter's name is the first 128 bits of the HMAC of realm, kind and value")
        void name() throws Exception {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(SECRET);
            byte[] expected = mac.doFinal(("kosmo-forgot-user-id:" + REALM + "\naddress\ntaro@example.com").getBytes(StandardCharsets.UTF_8));
            assertEquals("kosmo-forgot-user-id:address:" + HexFormat.of().formatHex(expected, 0, 16),
                    new LimitKeys(SECRET, REALM).address("taro@example.com"));
        }
    }

    @Nested
    @DisplayName("names")
    class Names {

        private final LimitKeys keys = new LimitKeys(SECRET, REALM);

        @Test
        @DisplayName("two nodes with the realm's key name a counter alike")
        void sameOnEveryNode() {
            LimitKeys otherNode = new LimitKeys(secret("fixed secret of the test realm, 64 bytes long........................."), REALM);
            assertEquals(keys.address("taro@example.com"), otherNode.address("taro@example.com"));
            assertEquals(keys.network("ipv4:192.0.2.10"), otherNode.network("ipv4:192.0.2.10"));
        }

        @Test
        @DisplayName("another key (another realm's, or after a rotation) names it differently: a bare hash would not")
        void keyed() {
            LimitKeys other = new LimitKeys(secret("another secret"), REALM);
            assertNotEquals(keys.address("taro@example.com"), other.address("taro@example.com"));
        }

        @Test
        @DisplayName("address and network counters, and realms, never share a name")
        void separated() {
            assertNotEquals(keys.address("unknown"), keys.network("unknown"));
            assertNotEquals(keys.address("taro@example.com"), new LimitKeys(SECRET, "realm-id-2").address("taro@example.com"));
            assertNotEquals(keys.address("taro@example.com"), keys.address("hanako@example.com"));
        }

        @Test
        @DisplayName("the name holds neither the address nor the IP as text")
        void opaque() {
            String address = keys.address("taro@example.com");
            String network = keys.network("ipv4:192.0.2.10");
            assertTrue(address.matches("kosmo-forgot-user-id:address:[0-9a-f]{32}"), address);
            assertTrue(network.matches("kosmo-forgot-user-id:network:[0-9a-f]{32}"), network);
            assertFalse(address.contains("taro") || network.contains("192.0.2"));
        }
    }
}
