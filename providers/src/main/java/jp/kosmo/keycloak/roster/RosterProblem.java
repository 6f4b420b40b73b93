package jp.kosmo.keycloak.roster;

/** Why a roster row was rejected; {@link #message()} is what the import's report says about it. */
public enum RosterProblem {
    MISSING_FIELD("required value missing"),
    TOO_LONG("value too long"),
    DATE_FORMAT("not a date (YYYYMMDD, YYYY/MM/DD, YYYY-MM-DD or 和暦 such as 昭和54年8月22日, S54.08.22)"),
    UNKNOWN_ERA("unknown era"),
    IMPOSSIBLE_DATE("no such date"),
    OUTSIDE_ERA("date outside its era (平成 began on 1989-01-08, 令和 on 2019-05-01)"),
    FUTURE_BIRTHDATE("birthdate in the future"),
    EMAIL("not an email address"),
    DUPLICATE_KEY("記号+番号+枝番 already on an earlier line"),
    ENCODING("characters that are not valid in the file's encoding"),
    COLUMNS("wrong number of columns"),
    INVALID_CHARACTER("character not allowed in the card values (|, control characters)");

    private final String message;

    RosterProblem(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    static RosterProblem of(JapaneseDate.Problem problem) {
        return switch (problem) {
            case FORMAT -> DATE_FORMAT;
            case UNKNOWN_ERA -> UNKNOWN_ERA;
            case IMPOSSIBLE_DATE -> IMPOSSIBLE_DATE;
            case OUTSIDE_ERA -> OUTSIDE_ERA;
        };
    }
}
