package jp.kosmo.keycloak.terms;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Adds {@link TermsAcceptanceEntity} to Keycloak's persistence unit and its Liquibase changelog to Keycloak's
 * schema updates (run at start-up like Keycloak's own, on every supported database).
 */
public final class TermsJpaEntityProviderFactory implements JpaEntityProviderFactory, JpaEntityProvider {

    public static final String PROVIDER_ID = "kosmo-terms";
    static final String CHANGELOG = "META-INF/kosmo-terms-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(TermsAcceptanceEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return PROVIDER_ID;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
