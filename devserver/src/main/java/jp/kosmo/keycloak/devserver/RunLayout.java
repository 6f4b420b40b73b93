package jp.kosmo.keycloak.devserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where things are: the build output the devserver module copied (devserver/target/kosmo-run) and the
 * local state under {@code <project>/.run} (unpacked Keycloak, database).
 */
final class RunLayout {

    private final Path projectDir;

    RunLayout(Path projectDir) {
        this.projectDir = projectDir;
    }

    Path projectDir() {
        return projectDir;
    }

    /** Local, git-ignored state: {@code .run/}. */
    Path runDir() {
        return projectDir.resolve(".run");
    }

    /** Everything {@code --reset} deletes. */
    Path dataDir() {
        return runDir().resolve("data");
    }

    /** H2 file database that survives restarts (Keycloak's dev-file database, moved out of the Keycloak home). */
    String h2JdbcUrl() {
        Path db = dataDir().resolve("h2").resolve("keycloakdb");
        return "jdbc:h2:file:" + db.toString().replace('\\', '/') + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE";
    }

    Path realmFile() {
        return projectDir.resolve("realm-export").resolve("kosmo-realm.json");
    }

    /** The list the realm's {@code passwordBlacklist(kosmo-common-passwords.txt)} policy names. */
    Path passwordBlocklist() {
        return projectDir.resolve("password-blocklist").resolve("kosmo-common-passwords.txt");
    }

    private Path buildOutputDir() {
        return projectDir.resolve("devserver").resolve("target").resolve("kosmo-run");
    }

    Path distZip() {
        return buildOutputDir().resolve("keycloak-quarkus-dist.zip");
    }

    /** The jars installed into Keycloak's providers/ folder. */
    List<Path> extensionJars() {
        return List.of(buildOutputDir().resolve("kosmo-keycloak-providers.jar"),
                buildOutputDir().resolve("kosmo-keycloak-themes.jar"));
    }

    /** Fails with a readable message when the Maven build output, the realm file or the password blocklist is missing. */
    void verify() {
        for (Path required : Stream.concat(Stream.of(distZip()), extensionJars().stream()).toList()) {
            if (!Files.isRegularFile(required)) {
                throw new StartupException("Missing build output " + projectDir.relativize(required)
                        + ". Build first: mvn -DskipTests install (./run.sh does this).");
            }
        }
        for (Path source : List.of(realmFile(), passwordBlocklist())) {
            if (!Files.isRegularFile(source)) {
                throw new StartupException("Missing " + projectDir.relativize(source) + " (project dir: " + projectDir + ").");
            }
        }
    }
}
