package jp.kosmo.keycloak.notices;

/**
 * How a notice names an address it does not go to: the first character of the local part, {@code ***}, then the
 * domain ({@code n***@example.org}). The owner of the old mailbox can tell whether it is an address they know,
 * without the notice handing the full new address to whoever reads that mailbox.
 */
final class AddressMask {

    static final String HIDDEN = "***";

    private AddressMask() {
    }

    static String mask(String address) {
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
