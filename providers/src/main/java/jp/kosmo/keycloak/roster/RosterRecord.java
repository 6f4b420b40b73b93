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

    /** The record as one line of tab-separated values (the job store's {@code DATA}); no value holds a tab. */
    String encode() {
        return String.join("\t", symbol, number, branch, lastName, firstName, lastNameKana, firstNameKana,
                birthdate.toString(), email == null ? "" : email, lossDate == null ? "" : lossDate.toString());
    }

    static RosterRecord decode(String data) {
        String[] v = data.split("\t", -1);
        return new RosterRecord(v[0], v[1], v[2], v[3], v[4], v[5], v[6], LocalDate.parse(v[7]),
                v[8].isEmpty() ? null : v[8], v[9].isEmpty() ? null : LocalDate.parse(v[9]));
    }
}
