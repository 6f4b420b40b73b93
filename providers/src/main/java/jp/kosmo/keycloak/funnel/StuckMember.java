package jp.kosmo.keycloak.funnel;

import java.time.Instant;

/**
 * A member stuck at a step: Keycloak's user id, the user ID, the name (family name first), whether the account is
 * enabled and since when the member stands there (the time of the last step before it that records one).
 */
public record StuckMember(String id, String username, String name, boolean enabled, Instant since) {
}
