package jp.kosmo.keycloak.roster;

import java.security.SecureRandom;
import java.util.function.Predicate;

/**
 * Random activation passwords and user IDs from alphabets without look-alikes (no 0/O/o, 1/l/I, 2/Z, 5/S, 8/B,
 * 9/g/q, u/v, rn/m confusions), drawn with {@link SecureRandom}, so a letter can be typed without doubt.
 */
public final class ActivationSecrets {

    /** 43 characters: about 5.4 bits each; 12 of them are about 65 bits. */
    static final String PASSWORD_ALPHABET = "ACDEFGHJKLMNPQRTUVWXYabcdefhjkmnprstwxy3467";
    /** 20 characters for user IDs (lower case and digits, as members type them on a phone). */
    static final String USER_ID_ALPHABET = "acdefhjkmnprtwxy3467";

    public static final int PASSWORD_LENGTH = 12;
    public static final int USER_ID_LENGTH = 8;

    private final SecureRandom random;

    public ActivationSecrets() {
        this(new SecureRandom());
    }

    ActivationSecrets(SecureRandom random) {
        this.random = random;
    }

    /** An activation password with at least one upper-case letter, one lower-case letter and one digit. */
    public String password() {
        while (true) {
            String candidate = draw(PASSWORD_ALPHABET, PASSWORD_LENGTH);
            if (candidate.chars().anyMatch(Character::isUpperCase) && candidate.chars().anyMatch(Character::isLowerCase)
                    && candidate.chars().anyMatch(Character::isDigit)) {
                return candidate;
            }
        }
    }

    /** A user ID of {@link #USER_ID_LENGTH} characters that {@code taken} does not know. */
    public String userId(Predicate<String> taken) {
        for (int i = 0; i < 100; i++) {
            String candidate = draw(USER_ID_ALPHABET, USER_ID_LENGTH);
            if (Character.isLetter(candidate.charAt(0)) && !taken.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free user ID after 100 draws");
    }

    private String draw(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
