package jp.kosmo.keycloak.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before the first test class of a run on PostgreSQL (the failsafe execution {@code postgres}, which selects the
 * test framework's {@code remote} database), drops and creates the run's own database so every run starts from
 * an empty schema, whatever an earlier run left behind. It connects to the maintenance database named by
 * {@code kosmo.it.postgres.maintenance-url}, never to the one it drops.
 *
 * <p>A JUnit launcher-session listener runs before any test class, so before the test framework starts Keycloak
 * on that database (a {@code @BeforeAll} would be too late). Runs on H2 do nothing here.
 */
public final class PostgresTestDatabaseReset implements LauncherSessionListener {

    static final String MAINTENANCE_URL = "kosmo.it.postgres.maintenance-url";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String maintenanceUrl = System.getProperty(MAINTENANCE_URL);
        if (!PostgresDatabase.isSelected() || maintenanceUrl == null) {
            return;
        }
        String database = PostgresDatabase.name();
        if (maintenanceUrl.endsWith("/" + database)) {
            throw new IllegalStateException(MAINTENANCE_URL + " must name another database than " + database);
        }
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, PostgresDatabase.user(), PostgresDatabase.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            statement.execute("CREATE DATABASE \"" + database + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset the PostgreSQL test database " + database + " through "
                    + maintenanceUrl + " (is PostgreSQL running? .ci/run starts it)", e);
        }
    }
}
