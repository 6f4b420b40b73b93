package jp.kosmo.keycloak.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ActivationSecretsTest {

    private final ActivationSecrets secrets = new ActivationSecrets();

    @Test
    void passwordsHaveTheLengthTheAlphabetAndAllThreeKinds() {
        for (int i = 0; i < 200; i++) {
            String password = secrets.password();
            assertEquals(ActivationSecrets.PASSWORD_LENGTH, password.length());
            assertTrue(password.chars().allMatch(c -> ActivationSecrets.PASSWORD_ALPHABET.indexOf(c) >= 0), password);
            assertTrue(password.chars().anyMatch(Character::isDigit), password);
            assertTrue(password.chars().anyMatch(Character::isUpperCase), password);
            assertTrue(password.chars().anyMatch(Character::isLowerCase), password);
        }
    }

    @Test
    void alphabetsHaveNoLookAlikes() {
        for (char c : "0O1lI5S8B2Z9gqoui".toCharArray()) {
            assertFalse(ActivationSecrets.PASSWORD_ALPHABET.indexOf(c) >= 0, "password alphabet has " + c);
            assertFalse(ActivationSecrets.USER_ID_ALPHABET.indexOf(c) >= 0, "user ID alphabet has " + c);
        }
    }

    @Test
    void userIdsSkipTakenOnes() {
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String id = secrets.userId(taken::contains);
            assertEquals(ActivationSecrets.USER_ID_LENGTH, id.length());
            assertTrue(Character.isLetter(id.charAt(0)));
            assertTrue(taken.add(id), "unique");
        }
    }
}
