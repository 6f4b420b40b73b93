package jp.kosmo.keycloak.text;

/**
 * A CSV cell that a spreadsheet opens as text: a value it would run as a formula (starts with {@code = + - @}, tab
 * or CR) gets a leading apostrophe. Every CSV we hand to admins (terms acceptances, activation letters) passes its
 * cells through here, because their values come from browsers and from the union's roster, not from the admin.
 */
public final class SpreadsheetCell {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCell() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
