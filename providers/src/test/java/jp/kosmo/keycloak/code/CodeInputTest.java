package jp.kosmo.keycloak.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.kosmo.keycloak.code.CodeInput.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeInputTest {

    @Nested
    @DisplayName("reads the code the way members type it")
    class Accepts {

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {
                "042917", " 042917 ", "０４２９１７", "042 917", "０４２　９１７", "042-917", "０４２ー９１７",
                "0 4 2 9 1 7", "\t042917\n", "042−917"})
        void variants(String raw) {
            CodeInput.Result result = CodeInput.parse(raw);
            assertTrue(result.isValid());
            assertEquals("042917", result.code());
            assertNull(result.problem());
        }

        @Test
        @DisplayName("leading zeros are digits like any other")
        void zeros() {
            assertEquals("000000", CodeInput.parse("000000").code());
        }
    }

    @Nested
    @DisplayName("refuses, without a code to compare")
    class Refuses {

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', value = {
                "''          | EMPTY",
                "'   '       | EMPTY",
                "'　'        | EMPTY",
                "'--'        | EMPTY",
                "12345       | MALFORMED",
                "1234567     | MALFORMED",
                "12345a      | MALFORMED",
                "<b>1</b>    | MALFORMED",
                "１２３４５６７ | MALFORMED",
                "٠١٢٣٤٥      | MALFORMED"})
        void problems(String raw, Problem expected) {
            CodeInput.Result result = CodeInput.parse(raw);
            assertFalse(result.isValid());
            assertNull(result.code());
            assertEquals(expected, result.problem());
        }

        @Test
        @DisplayName("null is empty")
        void nullIsEmpty() {
            assertEquals(Problem.EMPTY, CodeInput.parse(null).problem());
        }

        @Test
        @DisplayName("very long input is refused before it is normalised")
        void tooLong() {
            assertEquals(Problem.MALFORMED, CodeInput.parse("1".repeat(CodeInput.MAX_RAW_LENGTH + 1)).problem());
        }

        @Test
        @DisplayName("every problem has a message key")
        void messageKeys() {
            for (Problem problem : Problem.values()) {
                assertTrue(problem.messageKey().startsWith("kosmoVerifiedEmailCode"), problem.name());
            }
        }
    }
}
