package jp.kosmo.keycloak.forgotuserid;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts the member-facing {@link ForgotUserIdResource} at {@code /realms/{realm}/kosmo-forgot-user-id} and holds
 * this node's {@link BackgroundJobs}. Server option (Keycloak's SPI options):
 * {@code --spi-realm-restapi-extension--kosmo-forgot-user-id--max-pending} (default {@value #DEFAULT_MAX_PENDING}),
 * the most background look-ups waiting or running on one node.
 */
public final class ForgotUserIdResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "kosmo-forgot-user-id";

    static final String MAX_PENDING = "maxPending";
    static final int DEFAULT_MAX_PENDING = 1000;

    private BackgroundJobs jobs;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new ForgotUserIdResource(session, jobs);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        jobs = new BackgroundJobs(maxPending(config.getInt(MAX_PENDING)));
    }

    /** The configured bound, the default when none or less than 1. */
    static int maxPending(Integer configured) {
        return configured == null || configured < 1 ? DEFAULT_MAX_PENDING : configured;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                    .name(MAX_PENDING)
                    .type(ProviderConfigProperty.INTEGER_TYPE)
                    .helpText("Most forgot-user-ID look-ups waiting or running on one node; further requests get the same answer without a look-up.")
                    .defaultValue(DEFAULT_MAX_PENDING)
                    .add()
                .build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
