package jp.kosmo.keycloak.birthdate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import jp.kosmo.keycloak.birthdate.BirthdateInput.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BirthdateInputTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final LocalDate AUG_22_1979 = LocalDate.of(1979, 8, 22);

    private static BirthdateInput.Result parse(String raw) {
        return BirthdateInput.parse(raw, TODAY);
    }

    @Nested
    @DisplayName("accepts what members type")
    class Accepts {

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {
                "19790822", "１９７９０８２２", "1979/08/22", "1979-08-22", "1979 08 22", " 19790822 ",
                "１９７９／０８／２２", "1979　08　22", "1979ー08ー22", "1979−08−22", "1979.08.22", "１９７９－０８－２２"})
        void variants(String raw) {
            BirthdateInput.Result result = parse(raw);
            assertEquals(AUG_22_1979, result.date());
            assertNull(result.problem());
        }

        @Test
        @DisplayName("today is not in the future")
        void today() {
            assertEquals(TODAY, parse("20261124").date());
        }
    }

    @Nested
    @DisplayName("refuses with its own reason")
    class Refuses {

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', value = {
                "''           | EMPTY",
                "'   '        | EMPTY",
                "'//--'       | EMPTY",
                "1979082      | WRONG_LENGTH",
                "197908221    | WRONG_LENGTH",
                "790822       | WRONG_LENGTH",
                "1979O822     | NOT_DIGITS",
                "abcdefgh     | NOT_DIGITS",
                "<script>     | NOT_DIGITS",
                "一九七九〇八二二 | NOT_DIGITS",
                "20230230     | IMPOSSIBLE_DATE",
                "19791301     | IMPOSSIBLE_DATE",
                "19790800     | IMPOSSIBLE_DATE",
                "20261125     | IN_FUTURE",
                "29990101     | IN_FUTURE",
                "18991231     | IMPLAUSIBLE_YEAR",
                "00000000     | IMPLAUSIBLE_YEAR"})
        void problems(String raw, Problem expected) {
            BirthdateInput.Result result = parse(raw);
            assertFalse(result.isValid());
            assertEquals(expected, result.problem());
        }

        @Test
        @DisplayName("null is empty")
        void nullIsEmpty() {
            assertEquals(Problem.EMPTY, parse(null).problem());
        }

        @Test
        @DisplayName("more than 64 characters is too long, even if it would normalise to a date")
        void tooLong() {
            String padded = "19790822" + " ".repeat(57);
            assertEquals(65, padded.length());
            assertEquals(Problem.TOO_LONG, parse(padded).problem());
            assertEquals(AUG_22_1979, parse("19790822" + " ".repeat(56)).date());
        }
    }

    @Nested
    @DisplayName("every problem has a message key")
    class MessageKeys {

        @Test
        void distinct() {
            assertEquals(Problem.values().length,
                    java.util.Arrays.stream(Problem.values()).map(Problem::messageKey).distinct().count());
        }
    }
}
