package jp.kosmo.keycloak.emailotp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtpCodesTest {

    @Nested
    @DisplayName("new codes")
    class NewCodes {

        @Test
        @DisplayName("are six ASCII digits, leading zeros kept, and vary")
        void shape() {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                String code = OtpCodes.newCode();
                assertTrue(code.matches("[0-9]{6}"), code);
                seen.add(code);
            }
            assertTrue(seen.size() > 190, "codes repeat too often: " + seen.size());
        }
    }

    @Nested
    @DisplayName("typed codes")
    class Typed {

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"012345", "０１２３４５", "012 345", "０１２　３４５", " 012345 ", "012-345"})
        void accepted(String typed) {
            assertEquals("012345", OtpCodes.normalise(typed));
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"", "12345", "1234567", "12a456", "<b>12</b>", "一二三四五六"})
        void refused(String typed) {
            assertNull(OtpCodes.normalise(typed));
        }

        @Test
        void tooLong() {
            assertNull(OtpCodes.normalise("012345" + " ".repeat(OtpCodes.MAX_INPUT_LENGTH)));
            assertNull(OtpCodes.normalise(null));
        }
    }

    @Nested
    @DisplayName("hashes")
    class Hashes {

        @Test
        @DisplayName("match only the same code with the same salt")
        void match() {
            String salt = OtpCodes.newSalt();
            String hash = OtpCodes.hash("123456", salt);
            assertTrue(OtpCodes.matches("123456", salt, hash));
            assertFalse(OtpCodes.matches("123457", salt, hash));
            assertFalse(OtpCodes.matches("123456", OtpCodes.newSalt(), hash));
            assertFalse(OtpCodes.matches(null, salt, hash));
        }
    }
}
