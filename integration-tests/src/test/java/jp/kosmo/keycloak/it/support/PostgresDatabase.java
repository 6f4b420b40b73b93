package jp.kosmo.keycloak.it.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL database Keycloak runs on in the failsafe execution {@code postgres}, as the test framework's
 * {@code remote} database supplier is configured there ({@code kc.test.database*} system properties, see
 * integration-tests/pom.xml). Lets a test look at what Keycloak wrote, with plain JDBC.
 */
public final class PostgresDatabase {

    private PostgresDatabase() {
    }

    public static boolean isSelected() {
        return "remote".equals(System.getProperty("kc.test.database"))
                && "postgres".equals(System.getProperty("kc.test.database.vendor"));
    }

    public static String url() {
        return required("kc.test.database.url");
    }

    public static String user() {
        return required("kc.test.database.user");
    }

    public static String password() {
        return required("kc.test.database.password");
    }

    /** The database name of {@link #url()}, e.g. {@code kosmo_it}. */
    public static String name() {
        String path = URI.create(url().substring("jdbc:".length())).getPath();
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("Unexpected PostgreSQL test database name: " + name);
        }
        return name;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set (run through the failsafe execution 'postgres')");
        }
        return value;
    }
}
