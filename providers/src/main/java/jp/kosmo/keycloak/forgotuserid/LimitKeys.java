package jp.kosmo.keycloak.forgotuserid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Names the rate-limit counters in Keycloak's single-use store by an HMAC-SHA-512 of what they count, keyed with
 * the realm's active HS512 key: the key Keycloak signs its own internal tokens with, kept in the database, so every
 * node of a cluster names a counter the same way. The store never holds an address or IP, and without the key
 * nobody can tell which counter belongs to an address, not even by hashing guesses. When an admin rotates the
 * realm's HMAC key, the counters start again from zero.
 */
final class LimitKeys {

    static final String PREFIX = ForgotUserIdResourceProviderFactory.PROVIDER_ID + ":";
    private static final String ALGORITHM = "HmacSHA512";
    /** 128 bits of the MAC name a counter: collisions are out of reach, the store's keys stay short. */
    private static final int NAME_BYTES = 16;

    private final SecretKey secret;
    private final String realmId;

    LimitKeys(SecretKey secret, String realmId) {
        this.secret = secret;
        this.realmId = realmId;
    }

    /** The realm's keys; fails when the realm has no active HS512 key (the page then turns every request away). */
    static LimitKeys of(KeycloakSession session, RealmModel realm) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Constants.INTERNAL_SIGNATURE_ALGORITHM);
        if (key == null || key.getSecretKey() == null) {
            throw new IllegalStateException("realm " + realm.getName() + " has no active " + Constants.INTERNAL_SIGNATURE_ALGORITHM + " key");
        }
        return new LimitKeys(key.getSecretKey(), realm.getId());
    }

    /** The counter of an email address (as normalised by {@link ForgotUserIdInput}). */
    String address(String email) {
        return name("address", email);
    }

    /** The counter of a client network (as derived by {@link ClientNetwork}). */
    String network(String network) {
        return name("network", network);
    }

    private String name(String kind, String value) {
        byte[] mac = hmac(PREFIX + realmId + "\n" + kind + "\n" + value);
        return PREFIX + kind + ":" + HexFormat.of().formatHex(mac, 0, NAME_BYTES);
    }

    /** HMAC-SHA-512 of the UTF-8 bytes of {@code message}. */
    byte[] hmac(String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute " + ALGORITHM + " with the realm's key", e);
        }
    }
}
