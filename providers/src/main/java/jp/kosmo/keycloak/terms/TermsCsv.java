package jp.kosmo.keycloak.terms;

import java.util.Arrays;
import java.util.List;

import jp.kosmo.keycloak.csv.SpreadsheetCsv;

/**
 * Acceptances as CSV in the form of {@link SpreadsheetCsv} (BOM, header row, CRLF, quoting, formulas defused):
 * one row per acceptance.
 */
public final class TermsCsv {

    public static final String MEDIA_TYPE = SpreadsheetCsv.MEDIA_TYPE;
    static final String BOM = SpreadsheetCsv.BOM;
    static final List<String> HEADER =
            List.of("username", "user_id", "terms_version", "accepted_at_utc", "client_ip", "user_agent");

    private TermsCsv() {
    }

    public static String render(List<TermsAcceptanceRepresentation> rows) {
        return SpreadsheetCsv.render(HEADER, rows.stream()
                .map(row -> Arrays.asList(row.username(), row.userId(), row.termsVersion(), row.acceptedAt(),
                        row.clientIp(), row.userAgent()))
                .toList());
    }

    static String cell(String value) {
        return SpreadsheetCsv.cell(value);
    }
}
