package jp.kosmo.keycloak.code;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Keeps a code out of the authentication session: only a salted SHA-256 of it is stored, compared in constant
 * time. The salt is fresh for every code, so equal codes never give equal hashes.
 */
public final class CodeHasher {

    private static final int SALT_BYTES = 16;

    private final SecureRandom random;

    public CodeHasher(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public String newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return Base64.getEncoder().encodeToString(salt);
    }

    public static String hash(String salt, String code) {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(code, "code");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Base64.getDecoder().decode(salt));
            digest.update(code.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static boolean matches(String storedHash, String salt, String code) {
        if (storedHash == null || salt == null || code == null) {
            return false;
        }
        byte[] expected = storedHash.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = hash(salt, code).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }
}
