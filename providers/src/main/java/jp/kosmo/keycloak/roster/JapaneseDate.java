package jp.kosmo.keycloak.roster;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kosmo.keycloak.text.MemberInput;

/**
 * A date as the union's core system writes it: {@code YYYYMMDD}, {@code YYYY/MM/DD}, {@code YYYY-MM-DD}, or in the
 * Japanese calendar ({@code 昭和54年8月22日}, {@code S54.08.22}, {@code H1/1/8}, {@code R6.4.1}, {@code 平成元年},
 * full-width digits and the era ligatures {@code ㍼} too). An era date must lie within its era: 昭和64年1月8日 and
 * 平成元年1月7日 do not exist (平成 began on 1989-01-08, 令和 on 2019-05-01).
 */
public final class JapaneseDate {

    /** Why a value is not a date (a key of the admin messages). */
    public enum Problem {
        FORMAT, UNKNOWN_ERA, IMPOSSIBLE_DATE, OUTSIDE_ERA
    }

    /** A date or the reason there is none. */
    public record Result(LocalDate date, Problem problem) {
        public boolean ok() {
            return date != null;
        }
    }

    record Era(String name, String letter, LocalDate start, LocalDate endExclusive) {
        boolean contains(LocalDate date) {
            return !date.isBefore(start) && (endExclusive == null || date.isBefore(endExclusive));
        }
    }

    static final List<Era> ERAS = List.of(
            new Era("明治", "M", LocalDate.of(1868, 1, 25), LocalDate.of(1912, 7, 30)),
            new Era("大正", "T", LocalDate.of(1912, 7, 30), LocalDate.of(1926, 12, 25)),
            new Era("昭和", "S", LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 8)),
            new Era("平成", "H", LocalDate.of(1989, 1, 8), LocalDate.of(2019, 5, 1)),
            new Era("令和", "R", LocalDate.of(2019, 5, 1), null));

    private static final Pattern WESTERN_COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern WESTERN = Pattern.compile("(\\d{4})[/\\-.](\\d{1,2})[/\\-.](\\d{1,2})");
    private static final Pattern WESTERN_KANJI = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?");
    private static final Pattern ERA_KANJI = Pattern.compile("(\\D+?)(\\d{1,2}|元)年(\\d{1,2})月(\\d{1,2})日?");
    private static final Pattern ERA_SHORT = Pattern.compile("([A-Za-z])(\\d{1,2}|元)[/\\-.](\\d{1,2})[/\\-.](\\d{1,2})");

    private JapaneseDate() {
    }

    public static Result parse(String raw) {
        if (raw == null) {
            return new Result(null, Problem.FORMAT);
        }
        String value = MemberInput.nfkc(raw).strip().replace(" ", "");
        Matcher m;
        if ((m = WESTERN_COMPACT.matcher(value)).matches() || (m = WESTERN.matcher(value)).matches()
                || (m = WESTERN_KANJI.matcher(value)).matches()) {
            return western(m.group(1), m.group(2), m.group(3));
        }
        if ((m = ERA_KANJI.matcher(value)).matches()) {
            return era(byName(m.group(1)), m.group(2), m.group(3), m.group(4));
        }
        if ((m = ERA_SHORT.matcher(value)).matches()) {
            return era(byLetter(m.group(1)), m.group(2), m.group(3), m.group(4));
        }
        return new Result(null, Problem.FORMAT);
    }

    private static Result western(String year, String month, String day) {
        return of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
                .map(d -> new Result(d, null))
                .orElse(new Result(null, Problem.IMPOSSIBLE_DATE));
    }

    private static Result era(Optional<Era> era, String year, String month, String day) {
        if (era.isEmpty()) {
            return new Result(null, Problem.UNKNOWN_ERA);
        }
        int eraYear = "元".equals(year) ? 1 : Integer.parseInt(year);
        if (eraYear < 1) {
            return new Result(null, Problem.IMPOSSIBLE_DATE);
        }
        Optional<LocalDate> date = of(era.get().start().getYear() + eraYear - 1, Integer.parseInt(month), Integer.parseInt(day));
        if (date.isEmpty()) {
            return new Result(null, Problem.IMPOSSIBLE_DATE);
        }
        return era.get().contains(date.get()) ? new Result(date.get(), null) : new Result(null, Problem.OUTSIDE_ERA);
    }

    private static Optional<LocalDate> of(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Era> byName(String name) {
        return ERAS.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static Optional<Era> byLetter(String letter) {
        return ERAS.stream().filter(e -> e.letter().equalsIgnoreCase(letter)).findFirst();
    }
}
