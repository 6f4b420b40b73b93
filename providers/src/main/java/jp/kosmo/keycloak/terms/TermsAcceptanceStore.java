package jp.kosmo.keycloak.terms;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Reads and writes {@code KOSMO_TERMS_ACCEPTANCE} in the current Keycloak transaction. */
public final class TermsAcceptanceStore {

    private final EntityManager em;

    public TermsAcceptanceStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public TermsAcceptance record(RealmModel realm, UserModel user, String version, Instant at, RequestOrigin origin) {
        TermsAcceptance acceptance = new TermsAcceptance(KeycloakModelUtils.generateId(), realm.getId(), user.getId(),
                version, at, origin.clientIp(), origin.userAgent());
        em.persist(TermsAcceptanceEntity.from(acceptance));
        return acceptance;
    }

    /** Every acceptance of one member, oldest first. */
    public List<TermsAcceptance> byUser(RealmModel realm, String userId) {
        return em.createNamedQuery(TermsAcceptanceEntity.BY_USER, TermsAcceptanceEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", userId)
                .getResultStream()
                .map(TermsAcceptanceEntity::toAcceptance)
                .toList();
    }

    /** One page of the acceptances of {@code version}, oldest first (ties broken by id, so pages never overlap). */
    public List<TermsAcceptance> byVersion(RealmModel realm, String version, Page page) {
        return em.createNamedQuery(TermsAcceptanceEntity.BY_VERSION, TermsAcceptanceEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("version", version)
                .setFirstResult(page.first())
                .setMaxResults(page.max())
                .getResultStream()
                .map(TermsAcceptanceEntity::toAcceptance)
                .toList();
    }

    public long countByVersion(RealmModel realm, String version) {
        return em.createNamedQuery(TermsAcceptanceEntity.COUNT_BY_VERSION, Long.class)
                .setParameter("realmId", realm.getId())
                .setParameter("version", version)
                .getSingleResult();
    }
}
