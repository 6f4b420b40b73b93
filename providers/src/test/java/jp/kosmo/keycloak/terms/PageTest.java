package jp.kosmo.keycloak.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTest {

    @Test
    @DisplayName("no parameters: the first page of the default size")
    void defaults() {
        assertEquals(new Page(0, 100), Page.parse(null, null, 100, 1000));
        assertEquals(new Page(0, 100), Page.parse("", " ", 100, 1000));
    }

    @Test
    @DisplayName("reads first and max")
    void reads() {
        assertEquals(new Page(200, 50), Page.parse("200", " 50 ", 100, 1000));
        assertEquals(new Page(0, 1000), Page.parse("0", "1000", 100, 1000));
    }

    @ParameterizedTest(name = "first=[{0}] max=[{1}] is refused")
    @CsvSource({"-1,10", "x,10", "1.5,10", "0,0", "0,-5", "0,1001", "0,abc", "99999999999,10"})
    void refused(String first, String max) {
        assertThrows(Page.InvalidPageException.class, () -> Page.parse(first, max, 100, 1000));
    }
}
