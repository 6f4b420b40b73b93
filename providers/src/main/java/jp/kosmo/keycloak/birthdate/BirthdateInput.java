package jp.kosmo.keycloak.birthdate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

import jp.kosmo.keycloak.text.MemberInput;

/**
 * Turns what a member typed into the birthdate field into a date, or says precisely why it cannot.
 *
 * <p>Accepts half- and full-width digits and ignores white space (including the ideographic space),
 * slashes, dots and the hyphen-like characters a Japanese IME produces (ー, −, ‐, －), as
 * {@link MemberInput.Separators#DATE} defines them. The same parser reads
 * the {@code YYYY-MM-DD} value stored on the member, so both sides are compared as {@link LocalDate}s.
 */
public final class BirthdateInput {

    /** Longer input is refused before any other work is done on it. */
    public static final int MAX_RAW_LENGTH = 64;

    /** Years before this are taken for typing mistakes rather than real birthdates. */
    public static final int MIN_YEAR = 1900;

    /** Why an input is not a usable birthdate; each has its own message on the page. */
    public enum Problem {
        EMPTY("kosmoBirthdateEmpty"),
        TOO_LONG("kosmoBirthdateTooLong"),
        NOT_DIGITS("kosmoBirthdateNotDigits"),
        WRONG_LENGTH("kosmoBirthdateWrongLength"),
        IMPOSSIBLE_DATE("kosmoBirthdateImpossible"),
        IMPLAUSIBLE_YEAR("kosmoBirthdateImplausibleYear"),
        IN_FUTURE("kosmoBirthdateInFuture");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** Either a date or a problem, never both. */
    public record Result(LocalDate date, Problem problem) {
        public boolean isValid() {
            return date != null;
        }
    }

    private BirthdateInput() {
    }

    public static Result parse(String raw, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (raw == null || raw.isBlank()) {
            return problem(Problem.EMPTY);
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            return problem(Problem.TOO_LONG);
        }
        String digits = MemberInput.compact(raw, MemberInput.Separators.DATE);
        if (digits.isEmpty()) {
            return problem(Problem.EMPTY);
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return problem(Problem.NOT_DIGITS);
            }
        }
        if (digits.length() != 8) {
            return problem(Problem.WRONG_LENGTH);
        }
        int year = Integer.parseInt(digits.substring(0, 4));
        int month = Integer.parseInt(digits.substring(4, 6));
        int day = Integer.parseInt(digits.substring(6, 8));
        if (year < MIN_YEAR) {
            return problem(Problem.IMPLAUSIBLE_YEAR);
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return problem(Problem.IMPOSSIBLE_DATE);
        }
        if (date.isAfter(today)) {
            return problem(Problem.IN_FUTURE);
        }
        return new Result(date, null);
    }

    private static Result problem(Problem problem) {
        return new Result(null, problem);
    }
}
