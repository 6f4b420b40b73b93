package jp.kosmo.keycloak.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keycloak started as {@code bin/kc.sh start-dev} in a child process; its output goes straight to our console.
 * Metrics are on ({@code --metrics-enabled=true}): Keycloak's and our {@code kosmo_…} counters on the management
 * interface, {@code http://localhost:<management port>/metrics}, bound to 127.0.0.1 like the HTTP port.
 */
final class KeycloakProcess {

    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private final Process process;

    private KeycloakProcess(Process process) {
        this.process = process;
    }

    /**
     * @param h2JdbcUrl the H2 file database, used unless {@code database} is PostgreSQL
     */
    static List<String> command(Path keycloakHome, int httpPort, int managementPort, DatabaseChoice database,
                                String h2JdbcUrl) {
        List<String> command = new ArrayList<>(List.of(
                keycloakHome.resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--import-realm",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--metrics-enabled=true",
                "--http-management-host=127.0.0.1",
                "--http-management-port=" + managementPort));
        if (database.postgres()) {
            command.add("--db=postgres");
            command.add("--db-url=" + database.postgresJdbcUrl());
            command.add("--db-username=" + DatabaseChoice.POSTGRES_USER);
        } else {
            command.add("--db=dev-file");
            command.add("--db-url=" + h2JdbcUrl);
        }
        return List.copyOf(command);
    }

    static KeycloakProcess start(Path keycloakHome, int httpPort, int managementPort, DatabaseChoice database,
                                 String h2JdbcUrl) {
        ProcessBuilder builder = new ProcessBuilder(command(keycloakHome, httpPort, managementPort, database, h2JdbcUrl))
                .directory(keycloakHome.toFile())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Run Keycloak on the same JDK as this launcher, whatever JAVA_HOME says.
        env.put("JAVA_HOME", System.getProperty("java.home"));
        System.out.println("[run] Starting Keycloak: " + String.join(" ", builder.command()));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new KeycloakProcess(process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + builder.command().get(0), e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Stops kc.sh and the Keycloak JVM below it: a polite TERM first (Keycloak shuts down cleanly and
     * closes the H2 database), then a kill for whatever is still running after {@code grace}.
     */
    void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        if (tree.stream().noneMatch(ProcessHandle::isAlive)) {
            return;
        }
        System.out.println("[run] Stopping Keycloak ...");
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // force below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<ProcessHandle> stubborn = tree.stream().filter(ProcessHandle::isAlive).toList();
        if (!stubborn.isEmpty()) {
            System.out.println("[run] Keycloak did not stop within " + grace.toSeconds() + "s, killing it.");
            stubborn.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
