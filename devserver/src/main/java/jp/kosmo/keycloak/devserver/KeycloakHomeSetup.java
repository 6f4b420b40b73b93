package jp.kosmo.keycloak.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Puts the current build into an unpacked Keycloak: our provider/theme jars into {@code providers/}, the realm
 * file into {@code data/import/} and the password blocklist into {@code data/password-blacklists/}. Runs on every
 * start so a rebuilt jar or a replaced list is picked up.
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

    /**
     * Keycloak's {@code passwordBlacklist(<file>)} policy reads {@code <file>} from {@code data/password-blacklists/}
     * of the server home (and refuses to import a realm whose policy names a missing file).
     */
    static Path installPasswordBlocklist(Path keycloakHome, Path blocklist) {
        Path folder = keycloakHome.resolve("data").resolve("password-blacklists");
        Path target = folder.resolve(blocklist.getFileName());
        try {
            Files.createDirectories(folder);
            Files.copy(blocklist, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + blocklist + " to " + folder, e);
        }
    }
}
