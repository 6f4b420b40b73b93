package jp.kosmo.keycloak.devserver;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Command line of the run command ({@code ./run.sh [options]}).
 *
 * @param projectDir  absolute project root (where {@code realm-export/} and {@code .run/} live)
 * @param reset       delete {@code .run/data} (the database) before starting
 * @param httpPort    Keycloak HTTP port
 * @param smtpPort    port of the SMTP sink
 * @param mailWebPort port of the web mailbox
 * @param managementPort Keycloak's management interface ({@code /metrics}), on 127.0.0.1 like the HTTP port
 * @param help        only print the usage
 * @param database    where Keycloak keeps its data: the H2 file in {@code .run/data} or the local PostgreSQL
 * @param portalPort  port of the demo portal (the realm's client {@code kosmo-portal} expects 3000)
 */
record DevServerOptions(Path projectDir, boolean reset, int httpPort, int smtpPort, int mailWebPort, int managementPort,
                        boolean help, DatabaseChoice database, int portalPort) {

    static final int DEFAULT_HTTP_PORT = 8080;
    static final int DEFAULT_SMTP_PORT = 1025;
    static final int DEFAULT_MAIL_WEB_PORT = 8025;
    static final int DEFAULT_MANAGEMENT_PORT = 9000;
    static final int DEFAULT_PORTAL_PORT = 3000;

    /** System property run.sh sets to the project root. */
    static final String PROJECT_DIR_PROPERTY = "kosmo.project.dir";

    static String usage() {
        return """
                Usage: ./run.sh [options]

                Builds the project and starts Keycloak with the kosmo providers, themes and realm,
                plus a local mail sink. Stop with Ctrl-C.

                Options:
                  --reset              delete the local database (.run/data) first and re-import the realm
                  --http-port N        Keycloak HTTP port (default %d)
                  --smtp-port N        SMTP port of the mail sink (default %d; the realm sends to 1025)
                  --mail-web-port N    port of the web mailbox (default %d)
                  --management-port N  Keycloak's management interface with the metrics
                                       (http://localhost:N/metrics; default %d)
                  --portal-port N      port of the demo portal KOSMO Web (default %d; the realm's
                                       client kosmo-portal redirects to 3000)
                  --db h2|postgres     database (default h2: a file in .run/data; postgres: the local
                                       PostgreSQL at %s, user postgres, trust auth)
                  --db-name NAME       PostgreSQL database, created when missing (default %s; --reset
                                       drops and creates it)
                  --project-dir DIR    project root (default: the kosmo.project.dir system property, else .)
                  -h, --help           show this help
                """.formatted(DEFAULT_HTTP_PORT, DEFAULT_SMTP_PORT, DEFAULT_MAIL_WEB_PORT, DEFAULT_MANAGEMENT_PORT,
                DEFAULT_PORTAL_PORT,
                DatabaseChoice.POSTGRES_HOST, DatabaseChoice.DEFAULT_POSTGRES_DATABASE);
    }

    /**
     * @param args               the program arguments; both {@code --opt value} and {@code --opt=value} work
     * @param projectDirProperty value of {@value #PROJECT_DIR_PROPERTY}, may be null
     * @throws IllegalArgumentException with a message fit for the console
     */
    static DevServerOptions parse(String[] args, String projectDirProperty) {
        boolean reset = false;
        boolean help = false;
        int httpPort = DEFAULT_HTTP_PORT;
        int smtpPort = DEFAULT_SMTP_PORT;
        int mailWebPort = DEFAULT_MAIL_WEB_PORT;
        int managementPort = DEFAULT_MANAGEMENT_PORT;
        int portalPort = DEFAULT_PORTAL_PORT;
        String projectDir = projectDirProperty;
        String db = "h2";
        String dbName = null;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            switch (name) {
                case "--reset" -> {
                    requireNoValue(name, inlineValue);
                    reset = true;
                }
                case "-h", "--help" -> help = true;
                case "--http-port", "--smtp-port", "--mail-web-port", "--management-port", "--portal-port", "--project-dir", "--db", "--db-name" -> {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--http-port" -> httpPort = port(name, value);
                        case "--smtp-port" -> smtpPort = port(name, value);
                        case "--mail-web-port" -> mailWebPort = port(name, value);
                        case "--management-port" -> managementPort = port(name, value);
                        case "--portal-port" -> portalPort = port(name, value);
                        case "--db" -> db = value;
                        case "--db-name" -> dbName = value;
                        default -> projectDir = value;
                    }
                }
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }

        Set<Integer> distinct = new HashSet<>(Set.of(httpPort));
        if (!distinct.add(smtpPort) || !distinct.add(mailWebPort) || !distinct.add(managementPort) || !distinct.add(portalPort)) {
            throw new IllegalArgumentException("--http-port, --smtp-port, --mail-web-port, --management-port and --portal-port must all differ");
        }
        Path dir = Path.of(projectDir == null || projectDir.isBlank() ? "." : projectDir).toAbsolutePath().normalize();
        return new DevServerOptions(dir, reset, httpPort, smtpPort, mailWebPort, managementPort, help,
                DatabaseChoice.of(db, dbName), portalPort);
    }

    private static void requireNoValue(String name, String inlineValue) {
        if (inlineValue != null) {
            throw new IllegalArgumentException(name + " takes no value");
        }
    }

    private static int port(String name, String value) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a port number, got '" + value + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be between 1 and 65535, got " + port);
        }
        return port;
    }
}
