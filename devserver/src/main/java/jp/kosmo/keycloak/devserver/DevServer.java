package jp.kosmo.keycloak.devserver;

import jp.kosmo.keycloak.portal.PortalConfig;
import jp.kosmo.keycloak.portal.PortalServer;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * The run command ({@code ./run.sh}): prepares and starts Keycloak with this project's providers, themes and
 * realm, plus a local SMTP sink and web mailbox, and stops all of it on Ctrl-C.
 */
public final class DevServer {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final DevServerOptions options;
    private final RunLayout layout;

    private DevServer(DevServerOptions options) {
        this.options = options;
        this.layout = new RunLayout(options.projectDir());
    }

    public static void main(String[] args) {
        // GreenMail logs through SLF4J; only its warnings are of interest here.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        DevServerOptions options;
        try {
            options = DevServerOptions.parse(args, System.getProperty(DevServerOptions.PROJECT_DIR_PROPERTY));
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage() + "\n");
            System.err.print(DevServerOptions.usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(DevServerOptions.usage());
            return;
        }
        int exitCode;
        try {
            exitCode = new DevServer(options).run();
        } catch (StartupException e) {
            System.err.println("\n[run] " + e.getMessage());
            exitCode = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = 130;
        } catch (RuntimeException e) {
            System.err.println("\n[run] Failed: " + e);
            e.printStackTrace();
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /** @return Keycloak's exit code */
    private int run() throws InterruptedException {
        layout.verify();
        PortCheck.requireFree(options.httpPort(), "Keycloak HTTP", "--http-port");
        PortCheck.requireFree(options.smtpPort(), "SMTP sink", "--smtp-port");
        PortCheck.requireFree(options.mailWebPort(), "web mailbox", "--mail-web-port");
        PortCheck.requireFree(options.managementPort(), "Keycloak management (metrics)", "--management-port");
        PortCheck.requireFree(options.portalPort(), "demo portal", "--portal-port");

        if (options.reset()) {
            System.out.println("[run] --reset: deleting " + layout.dataDir());
            FileTree.deleteRecursively(layout.dataDir());
        }
        if (options.database().postgres()) {
            PostgresSetup.prepare(options.database(), options.reset());
        }
        Path keycloakHome = KeycloakDistribution.unpackIfNeeded(layout.distZip(), layout.runDir());
        KeycloakHomeSetup.installExtensions(keycloakHome, layout.extensionJars());
        KeycloakHomeSetup.stageRealmImport(keycloakHome, layout.realmFile());
        KeycloakHomeSetup.installPasswordBlocklist(keycloakHome, layout.passwordBlocklist());
        warnOnSmtpPortMismatch();

        String mailboxUrl = "http://localhost:" + options.mailWebPort() + "/";
        MailStore mails = new MailStore(500);
        MailSink mailSink = MailSink.start(options.smtpPort(), mails, new ConsoleMailPrinter(System.out, mailboxUrl));
        MailboxWeb mailboxWeb;
        try {
            mailboxWeb = MailboxWeb.start(options.mailWebPort(), mails, options.smtpPort());
        } catch (RuntimeException e) {
            mailSink.stop();
            throw e;
        }
        System.out.println("[run] SMTP sink on 127.0.0.1:" + options.smtpPort() + ", mailbox on " + mailboxUrl);
        PortalServer portal;
        try {
            portal = PortalServer.start(PortalConfig.forLocalKeycloak(options.portalPort(), options.httpPort()));
        } catch (UncheckedIOException e) {
            mailboxWeb.stop();
            mailSink.stop();
            throw new StartupException(e.getMessage(), e);
        }
        if (options.portalPort() != PortalConfig.DEFAULT_PORT) {
            System.out.println("[run] Note: the realm's client kosmo-portal redirects to port " + PortalConfig.DEFAULT_PORT
                    + "; with --portal-port " + options.portalPort() + " add http://localhost:" + options.portalPort()
                    + "/* to its redirect URIs in the admin console.");
        }

        KeycloakProcess keycloak = KeycloakProcess.start(keycloakHome, options.httpPort(), options.managementPort(), options.database(),
                layout.h2JdbcUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            keycloak.stop(STOP_GRACE);
            portal.stop();
            mailboxWeb.stop();
            mailSink.stop();
            System.out.println("[run] Stopped.");
        }, "devserver-shutdown"));

        URI probe = URI.create("http://127.0.0.1:" + options.httpPort() + "/realms/kosmo/.well-known/openid-configuration");
        switch (ReadinessProbe.await(probe, READY_TIMEOUT, keycloak::isAlive)) {
            case READY -> System.out.print(Banner.ready(keycloakHome.getFileName().toString().replace("keycloak-", "Keycloak "), options.httpPort(),
                    options.managementPort(), options.smtpPort(), options.mailWebPort(), portal.url().toString(),
                    options.database().postgres()
                    ? "PostgreSQL " + options.database().postgresJdbcUrl() : layout.dataDir().toString()));
            case TIMED_OUT -> System.out.println("\n[run] Keycloak did not serve realm 'kosmo' within "
                    + READY_TIMEOUT.toMinutes() + " minutes (" + probe + "). Check the log above; still running,"
                    + " stop with Ctrl-C.\n");
            case PROCESS_EXITED -> System.out.println("\n[run] Keycloak exited during startup, see the log above.");
        }
        return keycloak.waitFor();
    }

    private void warnOnSmtpPortMismatch() {
        OptionalInt realmPort = RealmFile.smtpPort(layout.realmFile());
        if (realmPort.isPresent() && realmPort.getAsInt() != options.smtpPort()) {
            System.out.println("[run] Note: " + layout.projectDir().relativize(layout.realmFile()) + " sends mail to port "
                    + realmPort.getAsInt() + " but the SMTP sink listens on " + options.smtpPort()
                    + ". Change the realm's Email settings in the admin console if mails do not arrive.");
        }
    }
}
