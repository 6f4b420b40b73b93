package jp.kosmo.keycloak.terms;

/**
 * An acceptance as the admin REST API returns it (JSON). {@code acceptedAt} is an ISO-8601 instant in UTC;
 * {@code username} is the member's current user ID.
 */
public record TermsAcceptanceRepresentation(String id, String userId, String username, String termsVersion,
                                            String acceptedAt, String clientIp, String userAgent) {

    static TermsAcceptanceRepresentation of(TermsAcceptance acceptance, String username) {
        return new TermsAcceptanceRepresentation(acceptance.id(), acceptance.userId(), username, acceptance.termsVersion(),
                acceptance.acceptedAt().toString(), acceptance.clientIp(), acceptance.userAgent());
    }
}
