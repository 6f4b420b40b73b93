package jp.kosmo.keycloak.email;

/**
 * An address as it may be shown to someone who holds only part of a member's secrets (the email-code page after
 * the password, a notice to the old mailbox): the first character of the local part, {@code ***}, then the domain
 * ({@code n***@example.org}). The owner can tell whether it is an address they know; nobody else learns it.
 */
public final class AddressMask {

    static final String HIDDEN = "***";

    private AddressMask() {
    }

    public static String mask(String address) {
        if (address == null || address.isBlank()) {
            return HIDDEN;
        }
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        String local = at < 0 ? trimmed : trimmed.substring(0, at);
        String domain = at < 0 ? "" : trimmed.substring(at);
        if (local.isEmpty()) {
            return HIDDEN + domain;
        }
        int first = local.offsetByCodePoints(0, 1);
        return local.substring(0, first) + HIDDEN + domain;
    }
}
