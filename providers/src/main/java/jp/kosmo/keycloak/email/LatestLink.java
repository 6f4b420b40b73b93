package jp.kosmo.keycloak.email;

import java.util.Map;

import jp.kosmo.keycloak.code.CodeStore;

/**
 * Which verification link of a member is the live one: only the link of the member's latest verification mail
 * verifies anything, so a link sent to a mistyped address stops working as soon as the member asks for another mail.
 * Kept per member in the cluster-wide store, because the link is opened in another browser than the login's.
 */
final class LatestLink {

    private static final String KEY = "kosmo-verify-link:";
    private static final String NONCE = "nonce";

    private final CodeStore store;

    LatestLink(CodeStore store) {
        this.store = store;
    }

    void sent(String userId, String nonce, long lifespanSeconds) {
        store.put(KEY + userId, Math.max(1, lifespanSeconds), Map.of(NONCE, nonce));
    }

    boolean isLatest(String userId, String nonce) {
        Map<String, String> entry = store.get(KEY + userId);
        return entry != null && nonce != null && nonce.equals(entry.get(NONCE));
    }
}
