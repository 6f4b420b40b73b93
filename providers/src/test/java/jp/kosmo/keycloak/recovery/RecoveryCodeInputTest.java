package jp.kosmo.keycloak.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecoveryCodeInputTest {

    @Test
    @DisplayName("Keycloak's code as shown (groups with hyphens) is accepted as it is")
    void asShown() {
        assertEquals("ABCD1234EFGH", RecoveryCodeInput.normalise("ABCD-1234-EFGH"));
    }

    @Test
    @DisplayName("full-width letters and digits, lower case, spaces and a long dash are accepted")
    void typedOnAPhone() {
        assertEquals("ABCD1234EFGH", RecoveryCodeInput.normalise(" ａｂｃｄ　１２３４ーefgh "));
    }

    @Test
    @DisplayName("nothing usable: empty, only separators, other characters or too long")
    void refused() {
        assertNull(RecoveryCodeInput.normalise(null));
        assertNull(RecoveryCodeInput.normalise("   "));
        assertNull(RecoveryCodeInput.normalise("--"));
        assertNull(RecoveryCodeInput.normalise("ABCD*1234"));
        assertNull(RecoveryCodeInput.normalise("A".repeat(RecoveryCodeInput.MAX_RAW_LENGTH + 1)));
    }
}
