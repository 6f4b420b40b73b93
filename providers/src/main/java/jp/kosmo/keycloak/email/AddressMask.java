package jp.kosmo.keycloak.email;

/**
 * An address as it may be shown to someone who has only part of a member's secrets: the first character of the
 * local part, then {@code ***}, then the domain ({@code t***@example.org}).
 */
public final class AddressMask {

    private AddressMask() {
    }

    public static String mask(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append) + "***" + address.substring(at);
    }
}
