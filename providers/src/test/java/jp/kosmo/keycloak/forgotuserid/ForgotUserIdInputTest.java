package jp.kosmo.keycloak.forgotuserid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForgotUserIdInputTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static ForgotUserIdInput.Result parse(String email, String birthdate) {
        return ForgotUserIdInput.parse(email, birthdate, true, TODAY);
    }

    @Nested
    @DisplayName("a usable request")
    class Valid {

        @Test
        @DisplayName("address in lower case without surrounding space, birthdate as a date")
        void normalised() {
            ForgotUserIdInput.Result result = parse("  Taro.Yamada@Example.COM ", "19790822");
            assertTrue(result.isValid());
            assertEquals("taro.yamada@example.com", result.request().email());
            assertEquals(LocalDate.of(1979, 8, 22), result.request().birthdate());
        }

        @Test
        @DisplayName("full-width characters an IME leaves are folded (address and birthdate)")
        void fullWidth() {
            ForgotUserIdInput.Result result = parse("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "１９７９０８２２");
            assertTrue(result.isValid());
            assertEquals("taro@example.com", result.request().email());
            assertEquals(LocalDate.of(1979, 8, 22), result.request().birthdate());
        }

        @Test
        @DisplayName("without the birthdate setting the birthdate field is ignored")
        void emailOnly() {
            ForgotUserIdInput.Result result = ForgotUserIdInput.parse("taro@example.com", "rubbish", false, TODAY);
            assertTrue(result.isValid());
            assertNull(result.request().birthdate());
        }
    }

    @Nested
    @DisplayName("a problem on each field")
    class Problems {

        @Test
        @DisplayName("both fields empty: two messages, one per field")
        void bothEmpty() {
            ForgotUserIdInput.Result result = parse("", null);
            assertFalse(result.isValid());
            assertEquals(List.of(
                    new ForgotUserIdInput.Problem("email", ForgotUserIdInput.EMAIL_EMPTY),
                    new ForgotUserIdInput.Problem("birthdate", "kosmoBirthdateEmpty")), result.problems());
        }

        @ParameterizedTest
        @ValueSource(strings = {"taro", "taro@", "@example.com", "taro@@example.com", "<script>alert(1)</script>",
                "taro@example.com\u0000", "たろう@example.com", "taro example@example.com"})
        @DisplayName("malformed addresses")
        void malformed(String email) {
            assertEquals(List.of(new ForgotUserIdInput.Problem("email", ForgotUserIdInput.EMAIL_INVALID)),
                    parse(email, "19790822").problems());
        }

        @Test
        @DisplayName("10 KB in each field: too long, nothing else is tried on it")
        void huge() {
            String big = "a".repeat(10_240);
            assertEquals(List.of(
                    new ForgotUserIdInput.Problem("email", ForgotUserIdInput.EMAIL_TOO_LONG),
                    new ForgotUserIdInput.Problem("birthdate", "kosmoBirthdateTooLong")), parse(big + "@example.com", big).problems());
        }

        @Test
        @DisplayName("an address over 254 characters is too long")
        void over254() {
            String email = "a".repeat(60) + "@" + "b".repeat(190) + ".com";
            assertEquals(List.of(new ForgotUserIdInput.Problem("email", ForgotUserIdInput.EMAIL_TOO_LONG)),
                    parse(email, "19790822").problems());
        }

        @Test
        @DisplayName("a birthdate in the future is refused as on the login")
        void future() {
            assertEquals(List.of(new ForgotUserIdInput.Problem("birthdate", "kosmoBirthdateInFuture")),
                    parse("taro@example.com", "20270101").problems());
        }
    }
}
