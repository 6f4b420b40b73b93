package jp.kosmo.keycloak.notices;

import java.util.Map;

/**
 * One notice mail to decide on: which mail, the address it goes to (the member's verified address, or the one that
 * was in force before a change) and the new address as the mail shows it, masked.
 */
record Notice(Kind kind, String recipient, String maskedNewAddress, Map<String, String> facts) {

    /** The template attributes of a sign-in method reset (besides the recipient and the time). */
    static final String NEW_METHOD = "newMethod";
    static final String REMOVED_METHODS = "removedMethods";
    static final String RECOVERED_BY = "recoveredBy";
    static final String BROWSER = "browser";

    Notice {
        facts = Map.copyOf(facts);
    }

    /** An address notice: no further facts. */
    Notice(Kind kind, String recipient, String maskedNewAddress) {
        this(kind, recipient, maskedNewAddress, Map.of());
    }

    /** The same notice with one more fact for the template (ignored when the value is blank). */
    Notice with(String fact, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        Map<String, String> more = new java.util.HashMap<>(facts);
        more.put(fact, value);
        return new Notice(kind, recipient, maskedNewAddress, more);
    }

    /** The two notices, each with its template of the {@code kosmo} email theme and its subject key. */
    enum Kind {
        /** A verification mail went to another address than the member's verified one: a change was asked for. */
        CHANGE_REQUESTED("kosmo-address-change-requested.ftl", "kosmoAddressChangeRequestedSubject"),
        /** The member's address was changed: told to the address that was in force before. */
        ADDRESS_CHANGED("kosmo-address-changed.ftl", "kosmoAddressChangedSubject"),
        /** The member's sign-in method was reset (changed or lost phone, or an admin's reset): told to the verified address. */
        SIGN_IN_METHOD_RESET("kosmo-sign-in-method-reset.ftl", "kosmoSignInMethodResetSubject");

        final String template;
        final String subjectKey;

        Kind(String template, String subjectKey) {
            this.template = template;
            this.subjectKey = subjectKey;
        }
    }
}
