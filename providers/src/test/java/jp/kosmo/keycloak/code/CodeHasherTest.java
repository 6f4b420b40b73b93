package jp.kosmo.keycloak.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CodeHasherTest {

    private final CodeHasher hasher = new CodeHasher(new SecureRandom());

    @Nested
    @DisplayName("hashing")
    class Hashing {

        @Test
        @DisplayName("the same salt and code give the same hash, which is not the code")
        void deterministic() {
            String salt = hasher.newSalt();
            String hash = CodeHasher.hash(salt, "123456");
            assertEquals(hash, CodeHasher.hash(salt, "123456"));
            assertFalse(hash.contains("123456"));
        }

        @Test
        @DisplayName("a fresh salt per code: equal codes give different hashes")
        void salted() {
            assertNotEquals(CodeHasher.hash(hasher.newSalt(), "123456"), CodeHasher.hash(hasher.newSalt(), "123456"));
        }

        @Test
        @DisplayName("salts are random")
        void salts() {
            Set<String> salts = new HashSet<>();
            for (int i = 0; i < 100; i++) {
                salts.add(hasher.newSalt());
            }
            assertEquals(100, salts.size());
        }
    }

    @Nested
    @DisplayName("matching")
    class Matching {

        @Test
        @DisplayName("the right code matches, any other does not")
        void matches() {
            String salt = hasher.newSalt();
            String hash = CodeHasher.hash(salt, "654321");
            assertTrue(CodeHasher.matches(hash, salt, "654321"));
            assertFalse(CodeHasher.matches(hash, salt, "654322"));
            assertFalse(CodeHasher.matches(hash, hasher.newSalt(), "654321"));
        }

        @Test
        @DisplayName("nothing stored matches nothing")
        void nulls() {
            assertFalse(CodeHasher.matches(null, hasher.newSalt(), "654321"));
            assertFalse(CodeHasher.matches("x", null, "654321"));
            assertFalse(CodeHasher.matches("x", hasher.newSalt(), null));
        }
    }

    @Nested
    @DisplayName("codes")
    class Codes {

        @Test
        @DisplayName("always 6 ASCII digits, leading zeros kept")
        void sixDigits() {
            CodeGenerator codes = new CodeGenerator(new SecureRandom());
            for (int i = 0; i < 1000; i++) {
                String code = codes.next();
                assertTrue(code.matches("[0-9]{6}"), code);
            }
        }

        @Test
        @DisplayName("drawn from the whole range (a fixed seed shows small and large values)")
        void range() {
            CodeGenerator codes = new CodeGenerator(fixed());
            Set<Character> firstDigits = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                firstDigits.add(codes.next().charAt(0));
            }
            assertEquals(10, firstDigits.size(), firstDigits::toString);
        }

        private SecureRandom fixed() {
            try {
                SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
                random.setSeed(42L);
                return random;
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
