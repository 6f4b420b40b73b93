package jp.kosmo.keycloak.devserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks the Keycloak distribution zip ({@code keycloak-26.7.5/...}) into {@code .run/}, once per version.
 */
final class KeycloakDistribution {

    /** Written last, so a half-finished unpack (Ctrl-C during the first run) is redone. */
    private static final String MARKER = ".kosmo-unpacked";

    private KeycloakDistribution() {
    }

    /** @return the Keycloak home, e.g. {@code .run/keycloak-26.7.5} */
    static Path unpackIfNeeded(Path distZip, Path runDir) {
        try (ZipFile zip = new ZipFile(distZip.toFile())) {
            String root = rootFolder(zip, distZip);
            Path home = runDir.resolve(root);
            if (Files.isRegularFile(home.resolve(MARKER))) {
                return home;
            }
            System.out.println("[run] Unpacking " + root + " into " + home + " (first run for this version) ...");
            Files.createDirectories(runDir);
            Path staging = runDir.resolve(".unpacking-" + root);
            FileTree.deleteRecursively(staging);
            FileTree.deleteRecursively(home);
            extract(zip, staging);
            Path unpacked = staging.resolve(root);
            makeScriptsExecutable(unpacked.resolve("bin"));
            Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            FileTree.deleteRecursively(staging);
            Files.writeString(home.resolve(MARKER), distZip.getFileName() + " " + Files.size(distZip) + "\n");
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + distZip, e);
        }
    }

    private static String rootFolder(ZipFile zip, Path distZip) {
        String root = null;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            String name = en.nextElement().getName();
            int slash = name.indexOf('/');
            String first = slash < 0 ? name : name.substring(0, slash);
            if (root == null) {
                root = first;
            } else if (!root.equals(first)) {
                root = null;
                break;
            }
        }
        if (root == null || !root.startsWith("keycloak-")) {
            throw new StartupException(distZip + " does not look like a Keycloak distribution (one keycloak-<version>/ folder).");
        }
        return root;
    }

    private static void extract(ZipFile zip, Path target) throws IOException {
        Path base = target.toAbsolutePath().normalize();
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            ZipEntry entry = en.nextElement();
            Path out = base.resolve(entry.getName()).normalize();
            if (!out.startsWith(base)) {
                throw new IOException("Zip entry outside the target folder: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(out);
            } else {
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Java's zip API drops the unix mode bits; kc.sh and friends must be executable. */
    private static void makeScriptsExecutable(Path bin) throws IOException {
        if (!Files.isDirectory(bin)) {
            return;
        }
        try (var scripts = Files.newDirectoryStream(bin, "*.sh")) {
            for (Path script : scripts) {
                try {
                    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException e) {
                    script.toFile().setExecutable(true);
                }
            }
        }
    }
}
