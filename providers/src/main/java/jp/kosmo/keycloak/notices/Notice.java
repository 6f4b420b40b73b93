package jp.kosmo.keycloak.notices;

/**
 * One notice mail to decide on: which mail, the address it goes to (the member's verified address, or the one that
 * was in force before a change) and the new address as the mail shows it, masked.
 */
record Notice(Kind kind, String recipient, String maskedNewAddress) {

    /** The two notices, each with its template of the {@code kosmo} email theme and its subject key. */
    enum Kind {
        /** A verification mail went to another address than the member's verified one: a change was asked for. */
        CHANGE_REQUESTED("kosmo-address-change-requested.ftl", "kosmoAddressChangeRequestedSubject"),
        /** The member's address was changed: told to the address that was in force before. */
        ADDRESS_CHANGED("kosmo-address-changed.ftl", "kosmoAddressChangedSubject");

        final String template;
        final String subjectKey;

        Kind(String template, String subjectKey) {
            this.template = template;
            this.subjectKey = subjectKey;
        }
    }
}
