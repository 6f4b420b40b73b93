package jp.kosmo.keycloak.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AddressMaskTest {

    @Test
    void keepsTheFirstCharacterAndTheDomain() {
        assertEquals("t***@example.org", AddressMask.mask("taro.yamada@example.org"));
        assertEquals("a***@example.org", AddressMask.mask("a@example.org"));
    }

    @Test
    void oddInputShowsNothingOfTheAddress() {
        assertEquals("", AddressMask.mask(null));
        assertEquals("***", AddressMask.mask("no-at-sign"));
        assertEquals("***", AddressMask.mask("@example.org"));
    }
}
