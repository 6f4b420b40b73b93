package jp.kosmo.keycloak.csv;

import java.util.List;

/**
 * The one CSV form of our admin exports (terms acceptances, onboarding funnel), RFC 4180: UTF-8 with a byte order
 * mark (so Excel opens Japanese names correctly), a header row, comma separators, CRLF line ends, cells with a
 * comma, quote or line break in double quotes. A cell that a spreadsheet would run as a formula (starts with
 * {@code = + - @}, tab or CR) gets a leading apostrophe: names and user agents come from members, not from admins.
 */
public final class SpreadsheetCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    public static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    private SpreadsheetCsv() {
    }

    /** BOM, the header, one line per row; a null cell is empty. */
    public static String render(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, header);
        for (List<String> row : rows) {
            line(out, row);
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

    /** One cell: defused when a spreadsheet would run it, quoted when it needs to be. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
