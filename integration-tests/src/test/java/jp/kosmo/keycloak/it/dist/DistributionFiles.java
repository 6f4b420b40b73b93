package jp.kosmo.keycloak.it.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the parts of a server come from, as {@code ./run.sh} and {@code docker/Dockerfile} take them: the Keycloak
 * distribution zip from the local Maven repository, our providers and themes jars of this build, the password
 * blocklist (with its NOTICE) and the shipped realm files. The failsafe profile {@code proofs} passes each path as a
 * system property ({@code kosmo.dist.*}); without them the defaults resolve from the module folder (an IDE run).
 *
 * @param distributionZip {@code keycloak-quarkus-dist-26.7.5.zip}
 * @param providersJar    {@code providers/target/kosmo-keycloak-providers-*.jar}
 * @param themesJar       {@code themes/target/kosmo-keycloak-themes-*.jar}
 * @param blocklist       {@code password-blocklist/kosmo-common-passwords.txt}
 * @param blocklistNotice {@code password-blocklist/NOTICE}
 * @param demoRealm       {@code realm-export/kosmo-realm.json}
 * @param workDir         where servers are unpacked and their logs written ({@code integration-tests/target/dist})
 */
public record DistributionFiles(Path distributionZip, Path providersJar, Path themesJar, Path blocklist,
                                Path blocklistNotice, Path demoRealm, Path workDir) {

    public static final String KEYCLOAK_VERSION = System.getProperty("kosmo.dist.keycloak-version", "26.7.5");

    public static DistributionFiles fromSystemProperties() {
        Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path root = module.getParent();
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new DistributionFiles(
                path("kosmo.dist.zip", m2.resolve("org/keycloak/keycloak-quarkus-dist/" + KEYCLOAK_VERSION
                        + "/keycloak-quarkus-dist-" + KEYCLOAK_VERSION + ".zip")),
                path("kosmo.dist.providers-jar", newestJar(root.resolve("providers/target"), "kosmo-keycloak-providers-*.jar")),
                path("kosmo.dist.themes-jar", newestJar(root.resolve("themes/target"), "kosmo-keycloak-themes-*.jar")),
                path("kosmo.dist.blocklist", root.resolve("password-blocklist/kosmo-common-passwords.txt")),
                path("kosmo.dist.blocklist-notice", root.resolve("password-blocklist/NOTICE")),
                path("kosmo.dist.realm", root.resolve("realm-export/kosmo-realm.json")),
                path("kosmo.dist.work-dir", module.resolve("target/dist"))).checked();
    }

    private DistributionFiles checked() {
        for (Path file : new Path[] {distributionZip, providersJar, themesJar, blocklist, blocklistNotice, demoRealm}) {
            if (file == null || !Files.isRegularFile(file)) {
                throw new IllegalStateException("missing " + file + " (build the jars first: mvn -B -DskipTests package;"
                        + " the distribution zip comes from the local Maven repository)");
            }
        }
        return this;
    }

    private static Path path(String property, Path fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback : Path.of(value).toAbsolutePath();
    }

    private static Path newestJar(Path folder, String glob) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        Path newest = null;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, glob)) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (name.contains("-sources") || name.contains("-javadoc") || name.contains("-tests")) {
                    continue;
                }
                if (newest == null || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(newest)) > 0) {
                    newest = jar;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return newest;
    }
}
