package jp.kosmo.keycloak.it.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * One Keycloak server started as {@code bin/kc.sh <args>} in a child process, as {@code ./run.sh} and the Docker
 * image start it: HTTP and the management interface (health, metrics) on 127.0.0.1 only, the bootstrap admin
 * {@value #ADMIN_USER}/{@value #ADMIN_PASSWORD}, output appended to {@code <name>.log} beside the home.
 *
 * <p>{@code kc.sh} is a shell that runs the JVM as its child (and forwards TERM to it): {@link #stop} is that
 * graceful TERM, {@link #kill} is SIGKILL sent to the JVM itself, found by its executable among the process tree.
 */
public final class KeycloakNode implements AutoCloseable {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    private static final String HOST = "127.0.0.1";

    private final String name;
    private final Process process;
    private final Path log;
    private final long logOffset;
    private final int httpPort;
    private final int managementPort;

    private KeycloakNode(String name, Process process, Path log, long logOffset, int httpPort, int managementPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.logOffset = logOffset;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    public static Builder builder(String name, KeycloakHome home) {
        return new Builder(name, home);
    }

    public String name() {
        return name;
    }

    /** {@code http://127.0.0.1:<http port>}: this node directly, without any proxy. */
    public String baseUrl() {
        return "http://" + HOST + ":" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public String managementUrl() {
        return "http://" + HOST + ":" + managementPort;
    }

    public Path logFile() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What this start wrote to the log (an earlier start of the same home wrote above it). */
    public String log() {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(logOffset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /health/ready} on the management interface answers 200; fails at once if the server exits. */
    public KeycloakNode awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(managementUrl() + "/health/ready");
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n" + tail());
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s:\n" + tail());
    }

    /** Waits until this start's log satisfies {@code check} (e.g. a cluster view of two members). */
    public String awaitLog(String what, Predicate<String> check, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        String text = log();
        while (!check.test(text)) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException(name + ": no " + what + " in the log within " + timeout.toSeconds() + " s:\n" + tail());
            }
            pause();
            text = log();
        }
        return text;
    }

    /** The graceful stop: TERM to kc.sh, which forwards it to the JVM; anything still running after {@code grace} is killed. */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroy);
        awaitExit(tree, grace);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, Duration.ofSeconds(30));
    }

    /** The pid of the Keycloak JVM (kc.sh's child, or kc.sh itself after it exec'd the JVM). */
    public long jvmPid() {
        List<ProcessHandle> jvms = tree().stream().filter(KeycloakNode::isJvm).toList();
        if (jvms.size() != 1) {
            throw new IllegalStateException(name + ": expected one Keycloak JVM in the process tree, found " + jvms.size()
                    + " among " + tree().stream().map(p -> p.pid() + "=" + p.info().command().orElse("?")).toList());
        }
        return jvms.get(0).pid();
    }

    /**
     * SIGKILL to the Keycloak JVM (not the shell wrapper): no shutdown hook runs, no cache entry is handed over, no
     * cluster member is told goodbye. Returns the pid that was killed.
     */
    public long kill() {
        ProcessHandle jvm = ProcessHandle.of(jvmPid()).orElseThrow();
        if (!jvm.destroyForcibly()) {
            throw new IllegalStateException(name + ": SIGKILL to pid " + jvm.pid() + " was not sent");
        }
        awaitExit(List.of(jvm), Duration.ofSeconds(30));
        awaitExit(tree(), Duration.ofSeconds(30));
        return jvm.pid();
    }

    @Override
    public void close() {
        if (tree().stream().anyMatch(ProcessHandle::isAlive)) {
            stop(Duration.ofSeconds(60));
        }
    }

    private List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        return tree;
    }

    private static boolean isJvm(ProcessHandle handle) {
        String command = handle.info().command().orElse("");
        return handle.isAlive() && (command.endsWith("/java") || command.equals("java"));
    }

    private static void awaitExit(List<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : handles) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String tail() {
        String text = log();
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What to start: kc.sh's command and options, the ports, extra environment. */
    public static final class Builder {
        private final String name;
        private final KeycloakHome home;
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private int httpPort = 8080;
        private int managementPort = 9000;

        private Builder(String name, KeycloakHome home) {
            this.name = name;
            this.home = home;
        }

        /** kc.sh's command and flags as given, e.g. {@code start --optimized --import-realm}. */
        public Builder args(String... more) {
            args.addAll(List.of(more));
            return this;
        }

        /** {@code --<name>=<value>}. */
        public Builder option(String option, String value) {
            args.add("--" + option + "=" + value);
            return this;
        }

        public Builder env(String variable, String value) {
            env.put(variable, value);
            return this;
        }

        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        public Builder managementPort(int port) {
            this.managementPort = port;
            return this;
        }

        /** PostgreSQL at {@code jdbcUrl}, user postgres (trust authentication, as the test machines have it). */
        public Builder postgres(String jdbcUrl) {
            return option("db-url", jdbcUrl).option("db-username", "postgres").option("db-password", "postgres");
        }

        public KeycloakNode start() {
            List<String> command = new ArrayList<>();
            command.add(home.kcSh().toString());
            command.addAll(args);
            command.add("--http-host=" + HOST);
            command.add("--http-port=" + httpPort);
            command.add("--http-management-host=" + HOST);
            command.add("--http-management-port=" + managementPort);
            Path log = home.path().getParent().resolve(name + ".log");
            try {
                long offset = Files.exists(log) ? Files.size(log) : 0;
                Files.writeString(log, "==== " + Instant.now() + " " + String.join(" ", command) + "\n",
                        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                ProcessBuilder builder = new ProcessBuilder(command).directory(home.path().toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                Map<String, String> environment = builder.environment();
                environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
                environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
                // the same JDK as the tests, whatever JAVA_HOME says
                environment.put("JAVA_HOME", System.getProperty("java.home"));
                environment.putAll(env);
                Process process = builder.start();
                process.getOutputStream().close();
                return new KeycloakNode(name, process, log, offset, httpPort, managementPort);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + command, e);
            }
        }
    }
}
