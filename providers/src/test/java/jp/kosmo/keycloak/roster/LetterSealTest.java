package jp.kosmo.keycloak.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class LetterSealTest {

    private final Letter letter = new Letter("山田 太郎", "kamxtr3a", "Xk7dPqR4mNwe", Instant.parse("2027-03-01T00:00:00Z"));

    @Test
    void theSameNodeOpensWhatItSealedAndThePasswordIsNotInTheSealedText() {
        LetterSeal seal = new LetterSeal();
        String sealed = seal.seal(letter);
        assertFalse(sealed.contains("Xk7dPqR4mNwe"));
        assertEquals(letter, seal.open(sealed).orElseThrow());
        assertFalse(letter.toString().contains("Xk7dPqR4mNwe"), "never the password in a log line");
    }

    @Test
    void anotherKeyOpensNothing() {
        String sealed = new LetterSeal().seal(letter);
        assertTrue(new LetterSeal().open(sealed).isEmpty(), "after a restart (new key) the letter is unreadable");
        assertTrue(new LetterSeal().open("not base64!").isEmpty());
    }
}
