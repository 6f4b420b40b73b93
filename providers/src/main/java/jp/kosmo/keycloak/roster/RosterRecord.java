package jp.kosmo.keycloak.roster;

import java.time.LocalDate;

/**
 * One valid roster row. {@link #key()} (記号+番号+枝番) identifies the member across imports.
 *
 * @param lossDate 資格喪失日, or null
 * @param email    or null
 */
public record RosterRecord(String symbol, String number, String branch, String lastName, String firstName,
                           String lastNameKana, String firstNameKana, LocalDate birthdate, String email, LocalDate lossDate) {

    /** The member key: the three card values joined by {@code |} (none of them may contain it). */
    public String key() {
        return key(symbol, number, branch);
    }

    public static String key(String symbol, String number, String branch) {
        return symbol + "|" + number + "|" + branch;
    }
}
