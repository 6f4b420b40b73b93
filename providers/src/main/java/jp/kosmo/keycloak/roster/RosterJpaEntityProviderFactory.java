package jp.kosmo.keycloak.roster;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Adds the roster import's job store (two tables, {@code META-INF/kosmo-roster-changelog.xml}) to Keycloak's schema. */
public final class RosterJpaEntityProviderFactory implements JpaEntityProviderFactory, JpaEntityProvider {

    public static final String PROVIDER_ID = "kosmo-roster";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(RosterJobEntity.class, RosterRowEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/kosmo-roster-changelog.xml";
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
