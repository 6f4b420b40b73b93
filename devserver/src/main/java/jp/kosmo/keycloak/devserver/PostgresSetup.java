package jp.kosmo.keycloak.devserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prepares the local PostgreSQL database of {@code --db postgres} with {@code psql} (Debian package
 * postgresql-client): creates it when missing, or drops and creates it for {@code --reset}.
 */
final class PostgresSetup {

    private static final String MAINTENANCE_DATABASE = "postgres";

    private PostgresSetup() {
    }

    static void prepare(DatabaseChoice database, boolean reset) throws InterruptedException {
        String name = database.postgresDatabase();
        if (reset) {
            System.out.println("[run] --reset: dropping PostgreSQL database " + name);
            psql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        boolean exists = "1".equals(psql("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").trim());
        if (!exists) {
            System.out.println("[run] Creating PostgreSQL database " + name + " on " + DatabaseChoice.POSTGRES_HOST);
            psql("CREATE DATABASE " + name);
        }
    }

    static List<String> command(String sql) {
        String[] hostPort = DatabaseChoice.POSTGRES_HOST.split(":");
        return List.of("psql", "-h", hostPort[0], "-p", hostPort[1], "-U", DatabaseChoice.POSTGRES_USER,
                "-d", MAINTENANCE_DATABASE, "-v", "ON_ERROR_STOP=1", "-Atqc", sql);
    }

    private static String psql(String sql) throws InterruptedException {
        List<String> command = new ArrayList<>(command(sql));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new StartupException("--db postgres needs psql (Debian: sudo apt-get install postgresql-client): "
                    + e.getMessage());
        }
        String output;
        try {
            process.getOutputStream().close();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StartupException("psql failed: " + e.getMessage());
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new StartupException("PostgreSQL at " + DatabaseChoice.POSTGRES_HOST + " (user "
                    + DatabaseChoice.POSTGRES_USER + ", trust authentication) refused: " + sql + "\n" + output.trim());
        }
        return output;
    }
}
