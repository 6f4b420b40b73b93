package jp.kosmo.keycloak.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JapaneseDateTest {

    private static LocalDate date(String value) {
        JapaneseDate.Result result = JapaneseDate.parse(value);
        return result.date();
    }

    private static JapaneseDate.Problem problem(String value) {
        return JapaneseDate.parse(value).problem();
    }

    @Nested
    class Western {
        @ParameterizedTest
        @CsvSource({"19790822", "1979/08/22", "1979-08-22", "1979/8/22", "１９７９／０８／２２", "1979年8月22日", "１９７９０８２２"})
        void forms(String value) {
            assertEquals(LocalDate.of(1979, 8, 22), date(value));
        }

        @Test
        void impossible() {
            assertEquals(JapaneseDate.Problem.IMPOSSIBLE_DATE, problem("19790230"));
            assertEquals(JapaneseDate.Problem.IMPOSSIBLE_DATE, problem("2023/02/29"));
            assertEquals(LocalDate.of(2024, 2, 29), date("2024-02-29"));
        }

        @Test
        void notADate() {
            assertEquals(JapaneseDate.Problem.FORMAT, problem("22.08.1979"));
            assertEquals(JapaneseDate.Problem.FORMAT, problem(""));
            assertEquals(JapaneseDate.Problem.FORMAT, problem("abc"));
        }
    }

    @Nested
    class Era {
        @ParameterizedTest
        @CsvSource({"昭和54年8月22日", "S54.08.22", "s54/8/22", "Ｓ５４．０８．２２", "昭和５４年８月２２日", "㍼54年8月22日", "S54-8-22"})
        void showa(String value) {
            assertEquals(LocalDate.of(1979, 8, 22), date(value));
        }

        @Test
        void heiseiStartsOnTheEighth() {
            assertEquals(LocalDate.of(1989, 1, 8), date("H1/1/8"));
            assertEquals(LocalDate.of(1989, 1, 8), date("平成元年1月8日"));
            assertEquals(JapaneseDate.Problem.OUTSIDE_ERA, problem("平成元年1月7日"));
            assertEquals(LocalDate.of(1989, 1, 7), date("昭和64年1月7日"));
            assertEquals(JapaneseDate.Problem.OUTSIDE_ERA, problem("S64.1.8"));
        }

        @Test
        void reiwaStartsInMay2019() {
            assertEquals(LocalDate.of(2024, 4, 1), date("R6.4.1"));
            assertEquals(LocalDate.of(2019, 5, 1), date("令和元年5月1日"));
            assertEquals(JapaneseDate.Problem.OUTSIDE_ERA, problem("R1.4.30"));
            assertEquals(LocalDate.of(2019, 4, 30), date("H31.4.30"));
            assertEquals(JapaneseDate.Problem.OUTSIDE_ERA, problem("H31.5.1"));
        }

        @Test
        void taishoAndMeiji() {
            assertEquals(LocalDate.of(1926, 12, 24), date("T15.12.24"));
            assertEquals(LocalDate.of(1926, 12, 25), date("S1.12.25"));
            assertEquals(JapaneseDate.Problem.OUTSIDE_ERA, problem("S1.12.24"));
            assertEquals(LocalDate.of(1912, 7, 29), date("明治45年7月29日"));
        }

        @Test
        void unknownEraAndImpossibleDates() {
            assertEquals(JapaneseDate.Problem.UNKNOWN_ERA, problem("X54.08.22"));
            assertEquals(JapaneseDate.Problem.UNKNOWN_ERA, problem("光文5年1月1日"));
            assertEquals(JapaneseDate.Problem.IMPOSSIBLE_DATE, problem("S54.02.30"));
            assertEquals(JapaneseDate.Problem.IMPOSSIBLE_DATE, problem("H0.1.1"));
            assertEquals(JapaneseDate.Problem.OUTSIDE_ERA, problem("H40.1.1"));
        }
    }
}
