package jp.kosmo.keycloak.it.dist;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL database of one test class on the local server ({@code 127.0.0.1:5432}, user postgres, trust
 * authentication): dropped and created afresh through the maintenance database, dropped again at the end.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final String HOST = System.getProperty("kosmo.dist.postgres.host", "127.0.0.1:5432");
    private static final String MAINTENANCE = System.getProperty("kosmo.dist.postgres.maintenance-database", "test");
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";

    private final String name;

    private ScratchDatabase(String name) {
        this.name = name;
    }

    public static ScratchDatabase create(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}") || name.equals(MAINTENANCE)) {
            throw new IllegalArgumentException("not a scratch database name: " + name);
        }
        ScratchDatabase database = new ScratchDatabase(name);
        database.maintenance("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)", "CREATE DATABASE \"" + name + "\"");
        return database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + "/" + name;
    }

    /** The first column of every row {@code sql} answers, as text. */
    public List<String> column(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + name + " failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        maintenance("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }

    private void maintenance(String... statements) {
        String url = "jdbc:postgresql://" + HOST + "/" + MAINTENANCE;
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + " (database " + MAINTENANCE + ", user postgres,"
                    + " trust authentication) is needed: " + e.getMessage(), e);
        }
    }
}
