package jp.kosmo.keycloak.text;

import static jp.kosmo.keycloak.text.MemberInput.Separators.DATE;
import static jp.kosmo.keycloak.text.MemberInput.Separators.PERSONAL_DATA;
import static jp.kosmo.keycloak.text.MemberInput.Separators.SPACES_AND_HYPHENS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemberInputTest {

    @Nested
    @DisplayName("full-width digits and letters")
    class FullWidth {

        @Test
        @DisplayName("become ASCII")
        void digits() {
            assertEquals("19790822", MemberInput.compact("１９７９０８２２", DATE));
            assertEquals("123456", MemberInput.compact("１２３４５６", SPACES_AND_HYPHENS));
            assertEquals("Kosmo", MemberInput.nfkc("Ｋｏｓｍｏ"));
        }

        @Test
        @DisplayName("half-width katakana become full-width; case is kept")
        void katakana() {
            assertEquals("コスモ", MemberInput.nfkc("ｺｽﾓ"));
            assertEquals("AbC", MemberInput.compact("ＡｂＣ", PERSONAL_DATA));
        }
    }

    @Nested
    @DisplayName("spaces of every kind")
    class Spaces {

        @ParameterizedTest(name = "U+{0}")
        @ValueSource(strings = {"0020", "3000", "00A0", "2002", "2009", "0009", "000A"})
        @DisplayName("are dropped everywhere")
        void dropped(String hex) {
            String space = Character.toString(Integer.parseInt(hex, 16));
            assertEquals("123456", MemberInput.compact("123" + space + "456", SPACES_AND_HYPHENS));
            assertEquals("19790822", MemberInput.compact("1979" + space + "08" + space + "22", DATE));
            assertEquals("ab", MemberInput.compact("a" + space + "b", PERSONAL_DATA));
        }

        @Test
        @DisplayName("the ideographic space a Japanese IME types between full-width digits")
        void ideographic() {
            assertEquals("123456", MemberInput.compact("１２３\u3000４５６", SPACES_AND_HYPHENS));
            assertEquals("19790822", MemberInput.compact("\u3000１９７９\u3000０８\u3000２２\u3000", DATE));
        }
    }

    @Nested
    @DisplayName("hyphen-like characters")
    class Hyphens {

        @ParameterizedTest(name = "U+{0}")
        @ValueSource(strings = {"002D", "FF0D", "2010", "2011", "2012", "2013", "2014", "2015", "2212", "30FC", "FF70"})
        @DisplayName("from an IME (ー, －, −, ‐ …) are dropped everywhere")
        void dropped(String hex) {
            String hyphen = Character.toString(Integer.parseInt(hex, 16));
            assertEquals("123456", MemberInput.compact("123" + hyphen + "456", SPACES_AND_HYPHENS));
            assertEquals("19790822", MemberInput.compact("1979" + hyphen + "08" + hyphen + "22", DATE));
            assertEquals("ab", MemberInput.compact("a" + hyphen + "b", PERSONAL_DATA));
        }

        @Test
        @DisplayName("a wave dash is not a hyphen")
        void waveDash() {
            assertEquals("123〜456", MemberInput.compact("123〜456", SPACES_AND_HYPHENS));
        }
    }

    @Nested
    @DisplayName("slashes and dots")
    class DateSeparators {

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"/", "／", ".", "．", "・", "･", "。", "｡"})
        @DisplayName("are dropped where a date allows them")
        void inDates(String separator) {
            assertEquals("19790822", MemberInput.compact("1979" + separator + "08" + separator + "22", DATE));
            assertEquals("19790822", MemberInput.compact("1979" + separator + "08" + separator + "22", PERSONAL_DATA));
        }

        @Test
        @DisplayName("are kept in a code, so a code with a slash stays malformed")
        void notInCodes() {
            assertEquals("123/456", MemberInput.compact("123/456", SPACES_AND_HYPHENS));
            assertEquals("123.456", MemberInput.compact("１２３．４５６", SPACES_AND_HYPHENS));
        }

        @Test
        @DisplayName("underscores and colons only count as separators in the password comparison")
        void underscoreAndColon() {
            assertEquals("1979_08:22", MemberInput.compact("1979_08:22", DATE));
            assertEquals("19790822", MemberInput.compact("1979_08:22", PERSONAL_DATA));
        }
    }

    @Nested
    @DisplayName("mixed input")
    class Mixed {

        @Test
        @DisplayName("full-width digits, ideographic space, IME hyphen and slash together")
        void everything() {
            assertEquals("19790822", MemberInput.compact(" １９７９ー０８／２２\u3000", DATE));
            assertEquals("123456", MemberInput.compact("\u3000１２３－４５６ ", SPACES_AND_HYPHENS));
            assertEquals("sakura19790822", MemberInput.compact("ｓａｋｕｒａ_1979・08・22", PERSONAL_DATA));
        }

        @Test
        @DisplayName("letters and other characters stay, so callers can refuse them")
        void othersStay() {
            assertEquals("1979年8月22日", MemberInput.compact("1979年 8月 22日", DATE));
            assertEquals("12a456", MemberInput.compact("12a 456", SPACES_AND_HYPHENS));
        }

        @Test
        @DisplayName("null stays null, blank becomes empty")
        void nullAndBlank() {
            assertNull(MemberInput.compact(null, DATE));
            assertNull(MemberInput.nfkc(null));
            assertEquals("", MemberInput.compact(" \u3000 ", SPACES_AND_HYPHENS));
        }
    }
}
