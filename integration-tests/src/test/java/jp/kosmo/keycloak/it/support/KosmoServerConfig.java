package jp.kosmo.keycloak.it.support;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration shared by all test classes (same class = same server, started once):
 * our providers and themes jars deployed into the Keycloak 26.7.5 distribution.
 */
public final class KosmoServerConfig implements KeycloakServerConfig {

    public static final String GROUP_ID = "jp.kosmo.keycloak";

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config
                .dependency(GROUP_ID, "kosmo-keycloak-providers")
                .dependency(GROUP_ID, "kosmo-keycloak-themes");
    }
}
