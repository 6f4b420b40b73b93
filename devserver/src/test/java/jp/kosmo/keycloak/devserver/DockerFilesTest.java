package jp.kosmo.keycloak.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kosmo.keycloak.metrics.KosmoCounter;
import jp.kosmo.keycloak.metrics.KosmoMeters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * docker/ stays consistent with the build and safe by default: the Keycloak image tag is the root pom's
 * keycloak.version, the Dockerfile copies the jars the build produces (artifactId-version.jar) and the password
 * blocklist the realm policy names, the realm files the compose file and the operator manifests use exist and match,
 * compose publishes on 127.0.0.1 only with every image pinned by an exact version, and the operator's Keycloak
 * resource sets the proxy-headers option. Reads the files relative to the project root (surefire runs in
 * devserver/).
 */
@DisplayName("docker/ files (Dockerfile, compose.yaml, k8s/)")
class DockerFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCKER = ROOT.resolve("docker");

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String first(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), what + " not found");
        return m.group(1);
    }

    private static String rootPom() throws IOException {
        return read(ROOT.resolve("pom.xml"));
    }

    private static String keycloakVersion() throws IOException {
        return first(Pattern.compile("<keycloak\\.version>([^<]+)</keycloak\\.version>"), rootPom(),
                "keycloak.version in pom.xml");
    }

    private static String projectVersion() throws IOException {
        return first(Pattern.compile("<artifactId>kosmo-keycloak-parent</artifactId>\\s*<version>([^<]+)</version>"),
                rootPom(), "the project version in pom.xml");
    }

    private static String artifactId(String module) throws IOException {
        String pom = read(ROOT.resolve(module).resolve("pom.xml"));
        String withoutParent = pom.replaceAll("(?s)<parent>.*?</parent>", "");
        return first(Pattern.compile("<artifactId>([^<]+)</artifactId>"), withoutParent, module + " artifactId");
    }

    private static String keycloakImageTag(String text, String what) {
        return first(Pattern.compile("quay\\.io/keycloak/keycloak:([0-9A-Za-z.\\-]+)"), text, what);
    }

    @Nested
    @DisplayName("Dockerfile")
    class Dockerfile {

        @Test
        @DisplayName("builds on quay.io/keycloak/keycloak with the tag of keycloak.version")
        void imageTag() throws IOException {
            assertEquals(keycloakVersion(), keycloakImageTag(read(DOCKER.resolve("Dockerfile")), "Keycloak image"));
        }

        @Test
        @DisplayName("copies exactly the providers and themes jars the build produces into /opt/keycloak/providers/")
        void copiedJars() throws IOException {
            String dockerfile = read(DOCKER.resolve("Dockerfile"));
            String version = first(Pattern.compile("(?m)^ARG KOSMO_VERSION=(\\S+)$"), dockerfile, "ARG KOSMO_VERSION");
            assertEquals(projectVersion(), version, "KOSMO_VERSION default = project version");
            List<String> sources = Pattern.compile("(?m)^COPY --chown=\\S+ (\\S+) /opt/keycloak/providers/$")
                    .matcher(dockerfile).results().map(m -> m.group(1).replace("${KOSMO_VERSION}", version)).toList();
            assertEquals(List.of(
                    "providers/target/" + artifactId("providers") + "-" + version + ".jar",
                    "themes/target/" + artifactId("themes") + "-" + version + ".jar"), sources);
        }

        @Test
        @DisplayName("copies the password blocklist the realm policy names into /opt/keycloak/data/password-blacklists/")
        void copiedPasswordBlocklist() throws IOException {
            String dockerfile = read(DOCKER.resolve("Dockerfile"));
            String listName = PasswordBlocklistTest.policyListName(ROOT.resolve("realm-export/kosmo-realm-production.json"));
            List<String> sources = Pattern.compile("(?m)^COPY --chown=keycloak:keycloak (\\S+) /opt/keycloak/data/password-blacklists/$")
                    .matcher(dockerfile).results().map(m -> m.group(1)).toList();
            assertEquals(List.of("password-blocklist/" + listName), sources);
            assertTrue(Files.isRegularFile(ROOT.resolve(sources.get(0))), sources.get(0));
            assertTrue(dockerfile.contains("COPY --chown=keycloak:keycloak password-blocklist/NOTICE "
                    + "/opt/keycloak/data/password-blacklists/kosmo-common-passwords.NOTICE\n"), "the licence notice goes along");
            assertTrue(dockerfile.indexOf("COPY --chown=keycloak:keycloak password-blocklist/")
                    < dockerfile.indexOf("COPY --from=builder /opt/keycloak/ /opt/keycloak/"), "copied in the builder stage");
        }

        @Test
        @DisplayName("runs kc.sh build for PostgreSQL with health and metrics, and starts optimized")
        void buildOptions() throws IOException {
            String dockerfile = read(DOCKER.resolve("Dockerfile"));
            assertTrue(dockerfile.contains(
                    "RUN /opt/keycloak/bin/kc.sh build --db=postgres --health-enabled=true --metrics-enabled=true"));
            assertTrue(dockerfile.contains("COPY --from=builder /opt/keycloak/ /opt/keycloak/"));
            assertTrue(dockerfile.contains("CMD [\"start\", \"--optimized\"]"));
        }
    }

    @Nested
    @DisplayName("compose.yaml")
    class Compose {

        @Test
        @DisplayName("builds our image from docker/Dockerfile with the repository as context, tagged keycloak.version")
        void build() throws IOException {
            String compose = read(DOCKER.resolve("compose.yaml"));
            String context = first(Pattern.compile("(?m)^\\s+context: (\\S+)$"), compose, "build context");
            String dockerfile = first(Pattern.compile("(?m)^\\s+dockerfile: (\\S+)$"), compose, "dockerfile");
            assertEquals(ROOT, DOCKER.resolve(context).normalize());
            assertTrue(Files.isRegularFile(ROOT.resolve(dockerfile)), dockerfile);
            assertEquals(keycloakVersion(),
                    first(Pattern.compile("(?m)^\\s+image: kosmo-keycloak:(\\S+)$"), compose, "image"));
        }

        @Test
        @DisplayName("mounts the demo realm of the repository into /opt/keycloak/data/import and imports it")
        void realmImport() throws IOException {
            String compose = read(DOCKER.resolve("compose.yaml"));
            String source = first(Pattern.compile("(?m)^\\s+- (\\S+):/opt/keycloak/data/import/\\S+\\.json:ro$"),
                    compose, "realm volume");
            assertEquals(ROOT.resolve("realm-export/kosmo-realm.json"), DOCKER.resolve(source).normalize());
            assertTrue(Files.isRegularFile(DOCKER.resolve(source)));
            assertTrue(compose.contains("--import-realm"));
        }

        @Test
        @DisplayName("runs PostgreSQL 16, Mailpit, our image, Prometheus 3 and Grafana 12, each pinned by an exact version (no latest, no moving tag)")
        void pinnedImages() throws IOException {
            ComposeFile compose = ComposeFile.parse(read(DOCKER.resolve("compose.yaml")));
            assertEquals(List.of("postgres", "mailpit", "keycloak", "prometheus", "grafana"),
                    List.copyOf(compose.services().keySet()));
            assertTrue(compose.services().get("prometheus").image().startsWith("prom/prometheus:v3."));
            assertTrue(compose.services().get("grafana").image().startsWith("grafana/grafana:12."));
            assertEquals(List.of(), compose.imagesWithoutExactVersion());
            assertTrue(compose.services().get("postgres").image().startsWith("postgres:16."));
            assertTrue(compose.services().get("mailpit").image().startsWith("axllent/mailpit:v1."));
        }

        @Test
        @DisplayName("publishes every port on 127.0.0.1 only: Keycloak 8080 and 9000, Mailpit's web mailbox 8025, Prometheus 9090, Grafana 3001")
        void loopbackPorts() throws IOException {
            ComposeFile compose = ComposeFile.parse(read(DOCKER.resolve("compose.yaml")));
            assertEquals(List.of(), compose.portsNotOnLoopback());
            assertEquals(List.of("127.0.0.1:8080:8080", "127.0.0.1:9000:9000", "127.0.0.1:8025:8025",
                            "127.0.0.1:9090:9090", "127.0.0.1:3001:3000"),
                    compose.services().values().stream().flatMap(s -> s.ports().stream()).toList());
        }
    }

    @Nested
    @DisplayName("Prometheus and Grafana (compose.yaml, prometheus/, grafana/)")
    class Monitoring {

        @Test
        @DisplayName("Prometheus scrapes Keycloak's management interface: /metrics on mailpit:9000 (Keycloak shares its network)")
        void scrape() throws IOException {
            String compose = read(DOCKER.resolve("compose.yaml"));
            assertTrue(compose.contains("      - ./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro\n"));
            assertTrue(compose.contains("    network_mode: \"service:mailpit\"\n"), "Keycloak in mailpit's network namespace");
            String config = read(DOCKER.resolve("prometheus/prometheus.yml"));
            assertTrue(config.contains("    metrics_path: /metrics\n"));
            assertTrue(config.contains("      - targets: [\"mailpit:9000\"]\n"));
            assertTrue(read(DOCKER.resolve("Dockerfile")).contains("KC_METRICS_ENABLED=true"));
        }

        @Test
        @DisplayName("Grafana gets the data source and the dashboard from mounted files that exist; the dashboard uses that data source")
        void provisioning() throws IOException {
            String compose = read(DOCKER.resolve("compose.yaml"));
            List<String> mounts = Pattern.compile("(?m)^      - (\\./grafana/\\S+):(\\S+):ro$").matcher(compose).results()
                    .map(m -> m.group(1) + " " + m.group(2)).toList();
            assertEquals(List.of(
                    "./grafana/provisioning/datasources /etc/grafana/provisioning/datasources",
                    "./grafana/provisioning/dashboards /etc/grafana/provisioning/dashboards",
                    "./grafana/dashboards /etc/grafana/dashboards"), mounts);
            for (String mount : mounts) {
                assertTrue(Files.isDirectory(DOCKER.resolve(mount.split(" ")[0])), mount);
            }
            String datasource = read(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yaml"));
            String uid = first(Pattern.compile("(?m)^    uid: (\\S+)$"), datasource, "data source uid");
            assertTrue(datasource.contains("    url: http://prometheus:9090\n"));
            assertTrue(read(DOCKER.resolve("grafana/provisioning/dashboards/kosmo.yaml"))
                    .contains("      path: /etc/grafana/dashboards\n"));
            String dashboard = read(DOCKER.resolve("grafana/dashboards/kosmo-keycloak.json"));
            List<String> uids = Pattern.compile("\"datasource\": \\{\\s*\"type\": \"prometheus\",\\s*\"uid\": \"([^\"]+)\"")
                    .matcher(dashboard).results().map(m -> m.group(1)).distinct().toList();
            assertEquals(List.of(uid), uids);
        }

        @Test
        @DisplayName("the dashboard charts every kosmo_ counter and the forgot-user-ID gauge, and names no other kosmo_ metric")
        void dashboardMetrics() throws IOException {
            String dashboard = read(DOCKER.resolve("grafana/dashboards/kosmo-keycloak.json"));
            Set<String> expected = new TreeSet<>();
            for (KosmoCounter counter : KosmoCounter.values()) {
                expected.add(counter.prometheusName());
            }
            expected.add(KosmoMeters.FORGOT_USER_ID_PENDING.replace('.', '_'));
            expected.add(KosmoMeters.FORGOT_USER_ID_DROPPED.replace('.', '_') + "_total");
            Set<String> charted = new TreeSet<>(Pattern.compile("kosmo_[a-z_]+[a-z]")
                    .matcher(dashboard).results().map(MatchResult::group).toList());
            assertEquals(expected, charted);
        }
    }

    @Nested
    @DisplayName("the compose checks themselves")
    class ComposeChecks {

        private static final String HEAD = "name: x\n\nservices:\n";

        @Test
        @DisplayName("report a port published on every interface, on another address, in long or flow syntax")
        void unsafePorts() {
            ComposeFile compose = ComposeFile.parse(HEAD
                    + "  a:\n    image: a:1.2\n    ports:\n      - \"8080:8080\"   # all interfaces\n"
                    + "      - \"0.0.0.0:9000:9000\"\n      - 8025\n      - \"127.0.0.1:1025:1025\"\n"
                    + "  b:\n    image: b:1.2\n    ports:\n      - target: 80\n        published: 8081\n"
                    + "  c:\n    image: c:1.2\n    ports: [\"127.0.0.1:8082:80\"]\n"
                    + "volumes:\n  ports:\n");
            assertEquals(List.of("a: 8080:8080", "a: 0.0.0.0:9000:9000", "a: 8025", "b: target: 80",
                    "b: published: 8081", "c: [\"127.0.0.1:8082:80\"]"), compose.portsNotOnLoopback());
        }

        @Test
        @DisplayName("report an image without a tag, with latest, with a major-only tag, or a service without an image")
        void unpinnedImages() {
            ComposeFile compose = ComposeFile.parse(HEAD
                    + "  a:\n    image: postgres\n  b:\n    image: axllent/mailpit:latest\n"
                    + "  c:\n    image: postgres:16\n  d:\n    build: .\n"
                    + "  e:\n    image: registry.example.org:5000/kosmo\n  f:\n    image: \"postgres:16.13\"\n"
                    + "  g:\n    image: registry.example.org:5000/kosmo/kosmo-keycloak:26.7.5\n");
            assertEquals(List.of("a: postgres", "b: axllent/mailpit:latest", "c: postgres:16", "d: no image",
                    "e: registry.example.org:5000/kosmo"), compose.imagesWithoutExactVersion());
        }
    }

    @Nested
    @DisplayName("k8s/ (Keycloak Operator)")
    class Kubernetes {

        @Test
        @DisplayName("Keycloak resource: 2 instances of our image tagged keycloak.version, PostgreSQL from secrets")
        void keycloak() throws IOException {
            String cr = read(DOCKER.resolve("k8s/keycloak.yaml"));
            assertTrue(cr.contains("kind: Keycloak\n"));
            assertTrue(cr.contains("  instances: 2\n"));
            assertEquals(keycloakVersion(), first(Pattern.compile("(?m)^  image: \\S+/kosmo-keycloak:(\\S+)$"), cr,
                    "image"));
            assertTrue(cr.contains("    vendor: postgres\n"));
            assertTrue(cr.contains("    usernameSecret:\n") && cr.contains("    passwordSecret:\n"));
        }

        @Test
        @DisplayName("Keycloak resource sets the proxy-headers option (spec.proxy.headers: xforwarded) once")
        void proxyHeaders() throws IOException {
            String cr = read(DOCKER.resolve("k8s/keycloak.yaml"));
            assertEquals(1, Pattern.compile("(?m)^  proxy:\n    headers: xforwarded$").matcher(cr).results().count(),
                    "spec.proxy.headers");
            assertTrue(cr.lines().map(String::strip).noneMatch(l -> l.equals("- name: proxy-headers") || l.equals("- name: proxy")),
                    "the option is set through spec.proxy only, not again in additionalOptions");
        }

        @Test
        @DisplayName("KeycloakRealmImport embeds the production realm template exactly (regenerate with make-realm-import.py)")
        void realmImport() throws IOException {
            String manifest = read(DOCKER.resolve("k8s/kosmo-realm-import.yaml"));
            assertTrue(manifest.contains("kind: KeycloakRealmImport\n"));
            assertTrue(manifest.contains("  keycloakCRName: kosmo-keycloak\n"));
            String marker = "\n  realm:\n";
            int start = manifest.indexOf(marker);
            assertTrue(start > 0, "spec.realm");
            StringBuilder embedded = new StringBuilder();
            for (String line : manifest.substring(start + marker.length()).split("\n")) {
                assertTrue(line.startsWith("    "), "realm lines are indented by 4: " + line);
                embedded.append(line.substring(4)).append('\n');
            }
            Path template = ROOT.resolve("realm-export/kosmo-realm-production.json");
            assertTrue(Files.isRegularFile(template));
            assertEquals(read(template), embedded.toString());
        }
    }
}
