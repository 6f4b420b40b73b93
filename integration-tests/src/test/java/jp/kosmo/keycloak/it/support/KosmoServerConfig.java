package jp.kosmo.keycloak.it.support;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration shared by all test classes (same class = same server, started once):
 * our providers and themes jars deployed into the Keycloak 26.7.5 distribution, and the password blocklist the
 * realm's {@code passwordBlacklist(kosmo-common-passwords.txt)} policy names.
 */
public final class KosmoServerConfig implements KeycloakServerConfig {

    public static final String GROUP_ID = "jp.kosmo.keycloak";

    /** Copied from password-blocklist/ by this module's test resources (integration-tests/pom.xml). */
    public static final String BLOCKLIST_RESOURCE = "/password-blacklists/kosmo-common-passwords.txt";

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config
                .dependency(GROUP_ID, "kosmo-keycloak-providers")
                .dependency(GROUP_ID, "kosmo-keycloak-themes")
                // --spi-password-policy--password-blacklist--blacklists-path: the folder Keycloak reads the list from
                .spiOption("password-policy", "password-blacklist", "blacklists-path", blocklistFolder().toString());
    }

    static Path blocklistFolder() {
        URL list = KosmoServerConfig.class.getResource(BLOCKLIST_RESOURCE);
        if (list == null) {
            throw new IllegalStateException(BLOCKLIST_RESOURCE + " is not on the test classpath (mvn process-test-resources)");
        }
        try {
            return Path.of(list.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
