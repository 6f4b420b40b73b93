package jp.kosmo.keycloak.code;

import org.keycloak.Config;

/**
 * The one set of bounds for the settings of codes by mail, the gate's verification codes and the login's email codes
 * alike (design.md, security decisions): a code lives at most 5 minutes and allows at most 5 wrong tries, a member
 * waits at least 60 seconds between two mails and gets at most 20 in an hour. Both settings classes take their
 * limits from here; what is outside is refused or brought inside, never used.
 *
 * <p>The cooldown floor can be lowered for a test server only, by the server option {@value #COOLDOWN_FLOOR_OPTION}
 * of the providers that send codes (for example
 * {@code --spi-authenticator--kosmo-email-otp--code-cooldown-floor-seconds=1}); a realm admin cannot.
 */
public record CodeBounds(Range lifetimeSeconds, Range cooldownSeconds, Range tries, Range mailsPerHour) {

    /** Inclusive bounds of one setting. */
    public record Range(int min, int max) {

        public Range {
            if (min > max) {
                throw new IllegalArgumentException(min + " > " + max);
            }
        }

        public boolean contains(int value) {
            return value >= min && value <= max;
        }

        /** The nearest value inside the bounds. */
        public int clamp(int value) {
            return Math.max(min, Math.min(max, value));
        }
    }

    public static final int MIN_LIFETIME_SECONDS = 30;
    /** A code by mail lives at most 5 minutes. */
    public static final int MAX_LIFETIME_SECONDS = 300;
    /** A member waits at least a minute between two code mails. */
    public static final int MIN_COOLDOWN_SECONDS = 60;
    public static final int MAX_COOLDOWN_SECONDS = 3600;
    public static final int MIN_TRIES = 1;
    /** At most 5 wrong tries per code. */
    public static final int MAX_TRIES = 5;
    public static final int MIN_MAILS_PER_HOUR = 1;
    public static final int MAX_MAILS_PER_HOUR = 20;

    /** Server option lowering the cooldown floor (1 to {@value #MIN_COOLDOWN_SECONDS}), for test servers. */
    public static final String COOLDOWN_FLOOR_OPTION = "code-cooldown-floor-seconds";

    /** The bounds of design.md, what every server has unless told otherwise. */
    public static final CodeBounds DESIGN = withCooldownFloor(MIN_COOLDOWN_SECONDS);

    /** The design's bounds with the cooldown floor at {@code floorSeconds}, kept within 1 and the design's floor. */
    public static CodeBounds withCooldownFloor(int floorSeconds) {
        int floor = Math.max(1, Math.min(MIN_COOLDOWN_SECONDS, floorSeconds));
        return new CodeBounds(new Range(MIN_LIFETIME_SECONDS, MAX_LIFETIME_SECONDS),
                new Range(floor, MAX_COOLDOWN_SECONDS), new Range(MIN_TRIES, MAX_TRIES),
                new Range(MIN_MAILS_PER_HOUR, MAX_MAILS_PER_HOUR));
    }

    /** The bounds a provider factory's server options give (its {@code init} scope); the design's without the option. */
    public static CodeBounds fromServer(Config.Scope scope) {
        try {
            Integer floor = scope == null ? null : scope.getInt(COOLDOWN_FLOOR_OPTION);
            return floor == null ? DESIGN : withCooldownFloor(floor);
        } catch (NumberFormatException e) {
            return DESIGN;
        }
    }

    /** The lifetime in whole minutes, for settings given in minutes: 1 to 5. */
    public Range lifetimeMinutes() {
        return new Range(Math.max(1, (lifetimeSeconds.min() + 59) / 60), lifetimeSeconds.max() / 60);
    }
}
