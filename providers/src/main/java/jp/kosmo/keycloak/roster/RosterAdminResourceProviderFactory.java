package jp.kosmo.keycloak.roster;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts {@link RosterAdminResource} at {@code /admin/realms/{realm}/kosmo-members} and owns this node's
 * {@link RosterJobs}: one worker per core ({@code --spi-admin-realm-restapi-extension--kosmo-members--threads}),
 * resuming interrupted imports once the server has started.
 */
public final class RosterAdminResourceProviderFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {

    public static final String PROVIDER_ID = "kosmo-members";

    private int threads;
    private RosterJobs jobs;

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new RosterAdminResource(session, realm, auth, adminEvent, jobs);
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        threads = Math.max(1, config.getInt("threads", Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        jobs = new RosterJobs(factory, threads);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                jobs.resumeAll();
            }
        });
    }

    @Override
    public void close() {
        if (jobs != null) {
            jobs.shutdown();
        }
    }
}
