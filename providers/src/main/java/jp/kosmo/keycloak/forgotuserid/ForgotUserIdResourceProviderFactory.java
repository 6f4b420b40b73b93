package jp.kosmo.keycloak.forgotuserid;

import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import jp.kosmo.keycloak.mail.BackgroundJobs;
import jp.kosmo.keycloak.metrics.KosmoMeters;
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
        jobs = new BackgroundJobs("forgot-user-ID look-ups", maxPending(config.getInt(MAX_PENDING)));
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

    /**
     * This node's background look-ups on Keycloak's {@code /metrics} (when metrics are enabled): the gauge
     * {@value KosmoMeters#FORGOT_USER_ID_PENDING} and the counter {@value KosmoMeters#FORGOT_USER_ID_DROPPED}. Per node,
     * as the bound is, so without a realm tag. The jobs object lives as long as this factory, the meters' reference.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        Gauge.builder(KosmoMeters.FORGOT_USER_ID_PENDING, jobs, BackgroundJobs::pending)
                .description("Forgot-user-ID look-ups waiting or running on this node")
                .register(Metrics.globalRegistry);
        FunctionCounter.builder(KosmoMeters.FORGOT_USER_ID_DROPPED, jobs, BackgroundJobs::dropped)
                .description("Forgot-user-ID requests answered without a look-up because this node's look-ups were full")
                .register(Metrics.globalRegistry);
    }

    @Override
    public void close() {
    }
}
