package jp.kosmo.keycloak.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressMaskTest {

    @Nested
    @DisplayName("an ordinary address")
    class Ordinary {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "new.member@example.org, n***@example.org",
                "x@example.org, x***@example.org",
                "Taro+kosmo@mail.example.co.jp, T***@mail.example.co.jp",
                "'  spaced@example.org  ', s***@example.org"})
        @DisplayName("keeps the first character and the whole domain, hides the rest of the local part")
        void masked(String address, String expected) {
            assertEquals(expected, AddressMask.mask(address));
        }

        @Test
        @DisplayName("a first character outside the BMP is kept whole")
        void surrogatePair() {
            assertEquals("\uD842\uDFB7***@example.org", AddressMask.mask("\uD842\uDFB7ta@example.org"));
        }
    }

    @Nested
    @DisplayName("something that is not a full address")
    class Odd {

        @Test
        @DisplayName("nothing at all: only the mask")
        void nothing() {
            assertEquals("***", AddressMask.mask(null));
            assertEquals("***", AddressMask.mask("  "));
        }

        @Test
        @DisplayName("no @: the first character and the mask")
        void noAt() {
            assertEquals("l***", AddressMask.mask("localonly"));
        }

        @Test
        @DisplayName("an empty local part: the mask and the domain")
        void emptyLocal() {
            assertEquals("***@example.org", AddressMask.mask("@example.org"));
        }
    }
}
