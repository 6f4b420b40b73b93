package jp.kosmo.keycloak.it.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 TOTP (SHA1, 6 digits, 30 s), computed the way an authenticator app does, from the Base32 key. */
public final class Totp {

    private Totp() {
    }

    public static String code(String base32Key, long epochSeconds) {
        byte[] key = base32(base32Key);
        long counter = epochSeconds / 30;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code an app shows now (Keycloak checks app codes against the wall clock, not the test time offset). */
    public static String now(String base32Key) {
        return code(base32Key, System.currentTimeMillis() / 1000);
    }

    /**
     * The code of the next 30-second period: accepted now too (the realm's look-around of one period), and never
     * the code of the current period, so a test that used one code a moment ago has a new one without waiting.
     */
    public static String nextPeriod(String base32Key) {
        return code(base32Key, System.currentTimeMillis() / 1000 + 30);
    }

    static byte[] base32(String text) {
        String s = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            int value = c >= 'A' && c <= 'Z' ? c - 'A' : c - '2' + 26;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
