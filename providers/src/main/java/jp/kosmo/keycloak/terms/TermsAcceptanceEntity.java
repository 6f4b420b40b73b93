package jp.kosmo.keycloak.terms;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A row of {@code KOSMO_TERMS_ACCEPTANCE} (created by {@code META-INF/kosmo-terms-changelog.xml}). The table has
 * foreign keys to Keycloak's {@code REALM} and {@code USER_ENTITY} with {@code ON DELETE CASCADE}, so deleting a
 * member or a realm deletes their rows in the same statement, whichever code path deletes them.
 *
 * <p>Not final and with a no-argument constructor because Hibernate requires it. The time is kept as epoch
 * milliseconds (always UTC, the same on H2 and PostgreSQL).
 */
@Entity
@Table(name = "KOSMO_TERMS_ACCEPTANCE")
@NamedQueries({
        @NamedQuery(name = TermsAcceptanceEntity.BY_USER,
                query = "select a from TermsAcceptanceEntity a where a.realmId = :realmId and a.userId = :userId"
                        + " order by a.acceptedAt, a.id"),
        @NamedQuery(name = TermsAcceptanceEntity.BY_VERSION,
                query = "select a from TermsAcceptanceEntity a where a.realmId = :realmId and a.termsVersion = :version"
                        + " order by a.acceptedAt, a.id"),
        @NamedQuery(name = TermsAcceptanceEntity.COUNT_BY_VERSION,
                query = "select count(a) from TermsAcceptanceEntity a where a.realmId = :realmId and a.termsVersion = :version")
})
public class TermsAcceptanceEntity {

    static final String BY_USER = "kosmoTermsAcceptancesByUser";
    static final String BY_VERSION = "kosmoTermsAcceptancesByVersion";
    static final String COUNT_BY_VERSION = "kosmoTermsAcceptancesCountByVersion";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "TERMS_VERSION", length = TermsConfigProperties.MAX_VERSION_LENGTH, nullable = false)
    private String termsVersion;

    @Column(name = "ACCEPTED_AT", nullable = false)
    private long acceptedAt;

    @Column(name = "CLIENT_IP", length = RequestOrigin.MAX_CLIENT_IP_LENGTH)
    private String clientIp;

    @Column(name = "USER_AGENT", length = RequestOrigin.MAX_USER_AGENT_LENGTH)
    private String userAgent;

    protected TermsAcceptanceEntity() {
    }

    static TermsAcceptanceEntity from(TermsAcceptance acceptance) {
        TermsAcceptanceEntity entity = new TermsAcceptanceEntity();
        entity.id = acceptance.id();
        entity.realmId = acceptance.realmId();
        entity.userId = acceptance.userId();
        entity.termsVersion = acceptance.termsVersion();
        entity.acceptedAt = acceptance.acceptedAt().toEpochMilli();
        entity.clientIp = acceptance.clientIp();
        entity.userAgent = acceptance.userAgent();
        return entity;
    }

    TermsAcceptance toAcceptance() {
        return new TermsAcceptance(id, realmId, userId, termsVersion, Instant.ofEpochMilli(acceptedAt), clientIp, userAgent);
    }
}
