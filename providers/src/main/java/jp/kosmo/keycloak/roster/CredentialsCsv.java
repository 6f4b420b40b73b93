package jp.kosmo.keycloak.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jp.kosmo.keycloak.csv.SpreadsheetCsv;

/**
 * The letters as CSV for the union's own mail merge, in the form of our admin exports ({@link SpreadsheetCsv}: BOM,
 * CRLF, quoting, formulas defused, since names come from the union's roster file): header
 * {@code user_id,activation_password,expires_on,name}, one row per letter.
 */
public final class CredentialsCsv {

    public static final String MEDIA_TYPE = SpreadsheetCsv.MEDIA_TYPE;
    static final List<String> HEADER = List.of("user_id", "activation_password", "expires_on", "name");

    private CredentialsCsv() {
    }

    public static void write(Iterable<Letter> letters, ZoneId zone, OutputStream out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Letter letter : letters) {
            rows.add(List.of(letter.username(), letter.password(),
                    letter.expiresAt().atZone(zone).toLocalDate().toString(), letter.displayName()));
        }
        out.write(SpreadsheetCsv.render(HEADER, rows).getBytes(StandardCharsets.UTF_8));
    }
}
