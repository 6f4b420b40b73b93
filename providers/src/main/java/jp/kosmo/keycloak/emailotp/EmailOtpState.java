package jp.kosmo.keycloak.emailotp;

import java.security.SecureRandom;
import java.util.function.Function;

import jp.kosmo.keycloak.code.CodeGenerator;
import jp.kosmo.keycloak.code.CodeHasher;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The one-time code of one login, kept in authentication-session notes (so it follows the login across
 * cluster nodes and dies with it). Only a salted hash of the code is stored.
 *
 * <p>Per code: single use, a lifetime, at most {@code maxTries} wrong tries, then it is dead and a new code is
 * needed. Per login: the number of mails sent and all wrong tries, which a resend never resets.
 */
public final class EmailOtpState {

    /** Where the notes live; an interface so the rules can be unit-tested without Keycloak. */
    public interface Notes {
        String get(String key);

        void set(String key, String value);

        void remove(String key);
    }

    public enum Check { OK, WRONG, DEAD, EXPIRED, NO_CODE }

    static final String PREFIX = "kosmo.email-otp.";
    static final String HASH = PREFIX + "hash";
    static final String SALT = PREFIX + "salt";
    static final String EXPIRES = PREFIX + "expires";
    static final String CODE_FAILURES = PREFIX + "code-failures";
    static final String TOTAL_FAILURES = PREFIX + "total-failures";
    static final String SENDS = PREFIX + "sends";
    static final String LAST_SENT = PREFIX + "last-sent";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CodeGenerator GENERATOR = new CodeGenerator(RANDOM);
    private static final CodeHasher HASHER = new CodeHasher(RANDOM);

    private final Notes notes;

    public EmailOtpState(Notes notes) {
        this.notes = notes;
    }

    public static EmailOtpState of(AuthenticationSessionModel authSession) {
        return new EmailOtpState(new Notes() {
            @Override
            public String get(String key) {
                return authSession.getAuthNote(key);
            }

            @Override
            public void set(String key, String value) {
                authSession.setAuthNote(key, value);
            }

            @Override
            public void remove(String key) {
                authSession.removeAuthNote(key);
            }
        });
    }

    /** Makes a new code (the previous one dies) and returns it, to be mailed. */
    public String issue(long nowSeconds, int lifetimeSeconds) {
        String code = GENERATOR.next();
        String salt = HASHER.newSalt();
        notes.set(SALT, salt);
        notes.set(HASH, CodeHasher.hash(salt, code));
        notes.set(EXPIRES, Long.toString(nowSeconds + lifetimeSeconds));
        notes.set(CODE_FAILURES, "0");
        notes.set(SENDS, Integer.toString(sends() + 1));
        notes.set(LAST_SENT, Long.toString(nowSeconds));
        return code;
    }

    public boolean hasLiveCode(long nowSeconds) {
        return notes.get(HASH) != null && nowSeconds < number(EXPIRES, Long::parseLong, 0L);
    }

    public int sends() {
        return number(SENDS, Integer::parseInt, 0);
    }

    public int totalFailures() {
        return number(TOTAL_FAILURES, Integer::parseInt, 0);
    }

    public long expiresAt() {
        return number(EXPIRES, Long::parseLong, 0L);
    }

    /** Seconds the member must still wait before another mail may be sent; 0 when they may. */
    public long secondsUntilResend(long nowSeconds, int cooldownSeconds) {
        String last = notes.get(LAST_SENT);
        if (last == null) {
            return 0;
        }
        return Math.max(0, Long.parseLong(last) + cooldownSeconds - nowSeconds);
    }

    /** Checks a normalised code; a right code is used up, a wrong one counts. */
    public Check verify(String normalisedCode, long nowSeconds, int maxTries) {
        String hash = notes.get(HASH);
        if (hash == null) {
            return notes.get(SALT) == null ? Check.NO_CODE : Check.DEAD;
        }
        if (nowSeconds >= expiresAt()) {
            kill();
            return Check.EXPIRED;
        }
        if (CodeHasher.matches(hash, notes.get(SALT), normalisedCode)) {
            notes.remove(HASH);
            notes.remove(SALT);
            notes.remove(EXPIRES);
            return Check.OK;
        }
        int codeFailures = number(CODE_FAILURES, Integer::parseInt, 0) + 1;
        notes.set(CODE_FAILURES, Integer.toString(codeFailures));
        notes.set(TOTAL_FAILURES, Integer.toString(totalFailures() + 1));
        if (codeFailures >= maxTries) {
            kill();
        }
        return Check.WRONG;
    }

    /** True when the last code died of too many wrong tries (and no new one was sent since). */
    public boolean isDead() {
        return notes.get(HASH) == null && notes.get(SALT) != null;
    }

    private void kill() {
        notes.remove(HASH);
        // the salt stays: it tells "there was a code and it is dead" from "no code yet"
    }

    private <T> T number(String key, Function<String, T> parse, T fallback) {
        String value = notes.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
