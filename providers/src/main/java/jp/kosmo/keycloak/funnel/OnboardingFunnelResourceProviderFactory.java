package jp.kosmo.keycloak.funnel;

import java.time.Duration;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts {@link OnboardingFunnelResource} at {@code /admin/realms/{realm}/kosmo-onboarding}; holds this node's
 * {@link FunnelCache} (the factory lives as long as the server).
 */
public final class OnboardingFunnelResourceProviderFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {

    public static final String PROVIDER_ID = "kosmo-onboarding";

    private FunnelSettings settings = new FunnelSettings(FunnelSettings.DEFAULT_CACHE_SECONDS);
    private FunnelCache cache = new FunnelCache(Duration.ofSeconds(settings.cacheSeconds()));

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new OnboardingFunnelResource(session, realm, auth, adminEvent, cache, settings);
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
        settings = FunnelSettings.of(config);
        cache = new FunnelCache(Duration.ofSeconds(settings.cacheSeconds()));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
