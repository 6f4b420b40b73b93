package jp.kosmo.keycloak.terms;

import java.util.List;

import jp.kosmo.keycloak.text.SpreadsheetCell;

/**
 * Acceptances as CSV (RFC 4180): UTF-8 with a byte order mark (so Excel opens Japanese user IDs correctly), a
 * header row, CRLF line ends, one row per acceptance. Cells pass {@link SpreadsheetCell}: user agents come from
 * browsers, not from admins.
 */
public final class TermsCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    static final String BOM = "\uFEFF";
    static final List<String> HEADER =
            List.of("username", "user_id", "terms_version", "accepted_at_utc", "client_ip", "user_agent");
    private static final String CRLF = "\r\n";

    private TermsCsv() {
    }

    public static String render(List<TermsAcceptanceRepresentation> rows) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, HEADER);
        for (TermsAcceptanceRepresentation row : rows) {
            line(out, List.of(nullToEmpty(row.username()), row.userId(), row.termsVersion(), row.acceptedAt(),
                    nullToEmpty(row.clientIp()), nullToEmpty(row.userAgent())));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append(CRLF);
    }

    static String cell(String value) {
        String safe = SpreadsheetCell.text(value);
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
