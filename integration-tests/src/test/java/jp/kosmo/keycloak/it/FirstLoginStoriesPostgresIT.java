package jp.kosmo.keycloak.it;

import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.conditions.DisabledForDatabases;

/**
 * The first-login stories of {@link FirstLoginStoriesIT} (passkey, app OTP, email OTP) on PostgreSQL: the same
 * test methods, run by the failsafe execution {@code postgres} on Keycloak 26.7.5 started on the local PostgreSQL.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
@DisabledForDatabases({"dev-mem", "dev-file"})
class FirstLoginStoriesPostgresIT extends FirstLoginStoriesIT {
}
