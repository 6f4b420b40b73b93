package jp.kosmo.keycloak.forgotuserid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientNetworkTest {

    @Nested
    @DisplayName("IPv4: each address on its own")
    class Ipv4 {

        @Test
        void ownKey() {
            assertEquals("ipv4:192.0.2.10", ClientNetwork.of("192.0.2.10"));
        }

        @Test
        @DisplayName("neighbours in the same /24 are different clients")
        void neighbours() {
            assertNotEquals(ClientNetwork.of("192.0.2.10"), ClientNetwork.of("192.0.2.11"));
        }

        @Test
        @DisplayName("spaces around and leading zeros do not make another client")
        void sameAddressWritten() {
            assertEquals("ipv4:192.0.2.10", ClientNetwork.of(" 192.0.2.10 "));
            assertEquals("ipv4:192.0.2.10", ClientNetwork.of("192.000.002.010"));
        }

        @Test
        @DisplayName("an IPv4-mapped IPv6 address is the IPv4 address")
        void mapped() {
            assertEquals("ipv4:192.0.2.10", ClientNetwork.of("::ffff:192.0.2.10"));
            assertEquals("ipv4:192.0.2.10", ClientNetwork.of("[::ffff:c000:20a]"));
        }
    }

    @Nested
    @DisplayName("IPv6: one key per /64")
    class Ipv6 {

        @Test
        @DisplayName("every address of a /64 is the same client")
        void samePrefix() {
            String key = ClientNetwork.of("2001:db8:1234:5678::1");
            assertEquals("ipv6:20010db812345678/64", key);
            assertEquals(key, ClientNetwork.of("2001:db8:1234:5678:ffff:ffff:ffff:ffff"));
            assertEquals(key, ClientNetwork.of("2001:db8:1234:5678:a1b2:c3d4:e5f6:789"));
        }

        @Test
        @DisplayName("the next /64 is another client")
        void otherPrefix() {
            assertNotEquals(ClientNetwork.of("2001:db8:1234:5678::1"), ClientNetwork.of("2001:db8:1234:5679::1"));
            assertNotEquals(ClientNetwork.of("2001:db8:1234:5678::1"), ClientNetwork.of("2001:db9:1234:5678::1"));
        }

        @Test
        @DisplayName("compressed, full, upper case, bracketed and zoned forms are the same client")
        void forms() {
            String key = ClientNetwork.of("2001:db8:0:1::5");
            assertEquals(key, ClientNetwork.of("2001:0DB8:0000:0001:0000:0000:0000:0005"));
            assertEquals(key, ClientNetwork.of("[2001:db8:0:1::5]"));
            assertEquals("ipv6:fe80000000000000/64", ClientNetwork.of("fe80::1%eth0"));
        }

        @Test
        @DisplayName("loopback ::1 is a /64 of its own, not IPv4")
        void loopback() {
            assertEquals("ipv6:0000000000000000/64", ClientNetwork.of("::1"));
        }
    }

    @Nested
    @DisplayName("anything that is not an address literal: the one shared \"unknown\" client, and no name lookup")
    class Unknown {

        @ParameterizedTest(name = "[{0}]")
        @NullAndEmptySource
        @ValueSource(strings = {"localhost", "example.com", "999.1.1.1", "1.2.3", "1.2.3.4.5", "gg::1", "1:2:3:4:5:6:7:8:9",
                "[2001:db8::1", "2001:db8::1]", "1.2.3.4, 5.6.7.8", " "})
        void unknown(String text) {
            assertEquals(ClientNetwork.UNKNOWN, ClientNetwork.of(text));
        }

        @Test
        @DisplayName("over-long input is refused before it is parsed")
        void overLong() {
            assertEquals(ClientNetwork.UNKNOWN, ClientNetwork.of("1".repeat(10_000) + ":1"));
        }
    }
}
