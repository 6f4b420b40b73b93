package jp.kosmo.keycloak.roster;

/** The file as a whole cannot be a roster (not CSV, no header with the key columns, binary, empty). */
public final class NotARosterException extends Exception {

    public NotARosterException(String message) {
        super(message);
    }
}
