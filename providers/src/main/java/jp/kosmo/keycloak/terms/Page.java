package jp.kosmo.keycloak.terms;

/**
 * {@code first}/{@code max} of a paged admin listing, parsed from query parameters. Absent values take the
 * defaults; anything else that is not a number in range is refused with a message (the caller answers 400).
 */
public record Page(int first, int max) {

    public static final int DEFAULT_MAX = 100;
    /** Upper bound for one JSON page. */
    public static final int MAX_PAGE = 1000;
    /** Upper bound for one CSV download (a CSV without {@code max} is one download of up to this many rows). */
    public static final int MAX_CSV_ROWS = 100_000;

    /** Thrown for a value an admin can correct; the message says what is wrong. */
    public static final class InvalidPageException extends IllegalArgumentException {
        InvalidPageException(String message) {
            super(message);
        }
    }

    public static Page parse(String first, String max, int defaultMax, int upperBound) {
        int from = parse("first", first, 0, 0, Integer.MAX_VALUE);
        int size = parse("max", max, defaultMax, 1, upperBound);
        return new Page(from, size);
    }

    private static int parse(String name, String raw, int fallback, int min, int maxValue) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidPageException("'" + name + "' must be a whole number");
        }
        if (value < min || value > maxValue) {
            throw new InvalidPageException("'" + name + "' must be between " + min + " and " + maxValue);
        }
        return value;
    }
}
