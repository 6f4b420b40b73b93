package jp.kosmo.keycloak.forgotuserid;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts the member-facing {@link ForgotUserIdResource} at {@code /realms/{realm}/kosmo-forgot-user-id}. */
public final class ForgotUserIdResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "kosmo-forgot-user-id";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new ForgotUserIdResource(session);
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
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
