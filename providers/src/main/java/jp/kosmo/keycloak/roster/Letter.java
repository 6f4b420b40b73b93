package jp.kosmo.keycloak.roster;

import java.time.Instant;

/** What one member's letter says: their name, user ID, activation password and until when it works. */
public record Letter(String displayName, String username, String password, Instant expiresAt) {

    /** Never the password: records may end up in logs. */
    @Override
    public String toString() {
        return "Letter[" + username + "]";
    }

    String encode() {
        return String.join("\t", displayName, username, password, String.valueOf(expiresAt.getEpochSecond()));
    }

    static Letter decode(String text) {
        String[] v = text.split("\t", -1);
        return new Letter(v[0], v[1], v[2], Instant.ofEpochSecond(Long.parseLong(v[3])));
    }
}
