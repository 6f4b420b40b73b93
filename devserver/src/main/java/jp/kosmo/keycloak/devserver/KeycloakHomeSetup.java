package jp.kosmo.keycloak.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Puts the current build into an unpacked Keycloak: our provider/theme jars into {@code providers/} and the realm
 * file into {@code data/import/}. Runs on every start so a rebuilt jar is picked up.
 */
final class KeycloakHomeSetup {

    /** Every jar of this project starts with this; older copies are removed before the new ones go in. */
    static final String JAR_GLOB = "kosmo-keycloak-*.jar";

    private KeycloakHomeSetup() {
    }

    static void installExtensions(Path keycloakHome, List<Path> jars) {
        Path providers = keycloakHome.resolve("providers");
        try {
            Files.createDirectories(providers);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(providers, JAR_GLOB)) {
                for (Path jar : old) {
                    Files.delete(jar);
                }
            }
            for (Path jar : jars) {
                Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install the provider jars into " + providers, e);
        }
    }

    /**
     * Keycloak's {@code --import-realm} reads {@code data/import/*.json} and skips realms that already exist,
     * so an existing database is never overwritten.
     */
    static void stageRealmImport(Path keycloakHome, Path realmFile) {
        Path importDir = keycloakHome.resolve("data").resolve("import");
        try {
            Files.createDirectories(importDir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(importDir, "*.json")) {
                for (Path json : old) {
                    Files.delete(json);
                }
            }
            Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + realmFile + " to " + importDir, e);
        }
    }
}
