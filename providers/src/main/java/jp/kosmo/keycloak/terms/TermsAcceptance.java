package jp.kosmo.keycloak.terms;

import java.time.Instant;

/** One recorded acceptance of the terms: who, which version, when (UTC) and from where. */
public record TermsAcceptance(String id, String realmId, String userId, String termsVersion, Instant acceptedAt,
                              String clientIp, String userAgent) {
}
