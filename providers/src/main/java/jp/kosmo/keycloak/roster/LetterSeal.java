package jp.kosmo.keycloak.roster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals letters (they hold activation passwords) before they are stored with the job: AES-256-GCM with a key made
 * at this node's start and held only in its memory. The database never sees a password in clear; after a restart
 * (or on another node) a sealed letter cannot be opened any more, which {@link RosterJobs} handles by issuing those
 * members a new activation password.
 */
public final class LetterSeal {

    private static final int NONCE = 12;
    private final SecretKey key;
    private final String keyId = UUID.randomUUID().toString();
    private final SecureRandom random = new SecureRandom();

    public LetterSeal() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            key = generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return keyId;
    }

    String seal(Letter letter) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(letter.encode().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The letter, or empty when it was sealed by another key (another node, or before a restart). */
    Optional<Letter> open(String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE));
            return Optional.of(Letter.decode(new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
