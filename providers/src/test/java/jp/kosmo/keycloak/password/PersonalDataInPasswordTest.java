package jp.kosmo.keycloak.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.policy.PasswordPolicyConfigException;

class PersonalDataInPasswordTest {

    private static final LocalDate BIRTHDATE = LocalDate.of(1979, 8, 22);

    @Nested
    @DisplayName("refuses the birthdate")
    class Birthdate {

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {
                "Sakura19790822", "x790822y", "pw-1979-08-22", "1979/08/22!", "Ａｂ１９７９０８２２", "08221979Abc",
                "22081979Abc", "Nagoya0822-1979", "1979sakura0822", "０８２２ｓａｋｕｒａ１９７９", "1979　08　22pass",
                "abc082279"})
        void forms(String password) {
            assertTrue(PersonalDataInPassword.containsBirthdate(password, BIRTHDATE), password);
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"Sakura-Nagoya-2026", "0822sakura", "1979sakura", "19790823x", "correct horse battery"})
        void others(String password) {
            assertFalse(PersonalDataInPassword.containsBirthdate(password, BIRTHDATE), password);
        }
    }

    @Nested
    @DisplayName("refuses the card's symbol and number")
    class Card {

        @Test
        void contained() {
            List<String> card = List.of("1234", "567890");
            assertTrue(PersonalDataInPassword.containsAny("Pw567890!", card));
            assertTrue(PersonalDataInPassword.containsAny("ｐｗ５６７８９０", card));
            assertTrue(PersonalDataInPassword.containsAny("pw-56-78-90", card));
            assertTrue(PersonalDataInPassword.containsAny("x1234y", card));
            assertFalse(PersonalDataInPassword.containsAny("Sakura-Nagoya-2026", card));
        }

        @Test
        @DisplayName("ignores missing and very short values, which would forbid too much")
        void shortValues() {
            assertFalse(PersonalDataInPassword.containsAny("a1b2c3", java.util.Arrays.asList(null, "1", "12")));
        }
    }

    @Nested
    @DisplayName("configuration")
    class Config {

        @Test
        void parse() {
            PersonalDataAttributes attributes = PersonalDataAttributes.parse("dob, kigou ,bangou");
            assertEquals("dob", attributes.birthdate());
            assertEquals(List.of("kigou", "bangou"), attributes.card());
            assertEquals("birthdate", PersonalDataAttributes.parse(null).birthdate());
            assertThrows(PasswordPolicyConfigException.class, () -> PersonalDataAttributes.parse("bad name!"));
        }
    }
}
