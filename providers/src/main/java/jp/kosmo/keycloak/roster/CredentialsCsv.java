package jp.kosmo.keycloak.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The letters as CSV for the union's own mail merge: UTF-8 with a byte order mark (Excel), header
 * {@code user_id,activation_password,expires_on,name}, one row per letter.
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
                csv.printRecord(letter.username(), letter.password(), letter.expiresAt().atZone(zone).toLocalDate(), letter.displayName());
            }
        }
    }
}
