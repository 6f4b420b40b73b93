package jp.kosmo.keycloak.emailotp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;

/** Six-digit one-time codes: made with SecureRandom, kept only as a salted hash, compared in constant time. */
public final class OtpCodes {

    public static final int DIGITS = 6;
    /** Input longer than this is not looked at. */
    public static final int MAX_INPUT_LENGTH = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private OtpCodes() {
    }

    public static String newCode() {
        return String.format("%0" + DIGITS + "d", RANDOM.nextInt(1_000_000));
    }

    public static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    public static String hash(String code, String salt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean matches(String normalisedCode, String salt, String expectedHash) {
        if (normalisedCode == null || salt == null || expectedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(normalisedCode, salt).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * What the member typed, as ASCII digits: full-width digits become half-width, spaces (also the ideographic
     * space) and hyphens are dropped. Returns null when the result is not exactly six digits.
     */
    public static String normalise(String typed) {
        if (typed == null || typed.length() > MAX_INPUT_LENGTH) {
            return null;
        }
        String s = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        StringBuilder digits = new StringBuilder(DIGITS);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '-') {
                return null;
            }
        }
        return digits.length() == DIGITS ? digits.toString() : null;
    }
}
