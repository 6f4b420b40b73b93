package jp.kosmo.keycloak.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import jp.kosmo.keycloak.text.SpreadsheetCell;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The letters as CSV for the union's own mail merge: UTF-8 with a byte order mark (Excel), header
 * {@code user_id,activation_password,expires_on,name}, one row per letter; user IDs and names pass
 * {@link SpreadsheetCell}. Activation passwords never start with a formula character (their alphabet has none).
 */
public final class CredentialsCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private CredentialsCsv() {
    }

    public static void write(Iterable<Letter> letters, ZoneId zone, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader("user_id", "activation_password", "expires_on", "name").get())) {
            for (Letter letter : letters) {
                // the name comes from the union's roster file: a cell a spreadsheet would run as a formula is text
                csv.printRecord(SpreadsheetCell.text(letter.username()), letter.password(),
                        letter.expiresAt().atZone(zone).toLocalDate(), SpreadsheetCell.text(letter.displayName()));
            }
        }
    }
}
