package jp.kosmo.keycloak.roster;

/**
 * A data row of the file as read: its line number (1 = the header) and either the valid record or the problem and
 * the header of the column it is in.
 */
public record RosterRow(long line, RosterRecord record, RosterProblem problem, String column) {

    static RosterRow valid(long line, RosterRecord record) {
        return new RosterRow(line, record, null, null);
    }

    static RosterRow rejected(long line, RosterProblem problem, String column) {
        return new RosterRow(line, null, problem, column);
    }

    public boolean ok() {
        return record != null;
    }

    /** {@code "line 7: 生年月日: unknown era"}. */
    public String describe() {
        return "line " + line + ": " + (column == null ? "" : column + ": ") + problem.message();
    }
}
