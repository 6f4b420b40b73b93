package jp.kosmo.keycloak.it.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One unpacked Keycloak distribution with this build's parts in it, laid out as {@code ./run.sh}
 * ({@code devserver/KeycloakHomeSetup}) and {@code docker/Dockerfile} lay it: both jars in {@code providers/}, the
 * password blocklist and its NOTICE in {@code data/password-blacklists/}, and the realm to import at start in
 * {@code data/import/} (what {@code --import-realm} reads).
 */
public final class KeycloakHome {

    private final Path home;

    private KeycloakHome(Path home) {
        this.home = home;
    }

    public Path path() {
        return home;
    }

    public Path kcSh() {
        return home.resolve("bin/kc.sh");
    }

    /** Unpacks the zip into {@code <workDir>/<name>/} (anything there before is deleted) and installs our parts. */
    public static KeycloakHome unpack(DistributionFiles files, String name) {
        Path target = files.workDir().resolve(name);
        try {
            deleteRecursively(target);
            Files.createDirectories(target);
            Path home = extract(files.distributionZip(), target);
            KeycloakHome kc = new KeycloakHome(home);
            kc.install(files);
            return kc;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + files.distributionZip() + " into " + target, e);
        }
    }

    /** The same home copied to {@code <workDir>/<name>/} (a node of its own: own {@code data/}, own logs). */
    public KeycloakHome copyTo(DistributionFiles files, String name) {
        Path target = files.workDir().resolve(name).resolve(home.getFileName());
        try {
            deleteRecursively(target.getParent());
            Files.createDirectories(target);
            copyRecursively(home, target);
            return new KeycloakHome(target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + home + " to " + target, e);
        }
    }

    /**
     * {@code kc.sh build} with the Dockerfile's build options ({@code --db=postgres --health-enabled=true
     * --metrics-enabled=true}), so the server then starts with {@code start --optimized}.
     */
    public void buildForPostgres(Path log) {
        List<String> command = new ArrayList<>(List.of(kcSh().toString(), "build",
                "--db=postgres", "--health-enabled=true", "--metrics-enabled=true"));
        try {
            Files.createDirectories(log.getParent());
            Process build = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            build.getOutputStream().close();
            if (!build.waitFor(Duration.ofMinutes(8).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                build.descendants().forEach(ProcessHandle::destroyForcibly);
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build did not finish in 8 minutes; see " + log);
            }
            if (build.exitValue() != 0) {
                throw new IllegalStateException("kc.sh build failed (" + build.exitValue() + "); see " + log
                        + ":\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Puts {@code realm} into {@code data/import/} alone, where {@code --import-realm} reads it. */
    public void stageRealmImport(Path realm) {
        Path importDir = home.resolve("data/import");
        try {
            Files.createDirectories(importDir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(importDir, "*.json")) {
                for (Path json : old) {
                    Files.delete(json);
                }
            }
            Files.copy(realm, importDir.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void install(DistributionFiles files) throws IOException {
        Path providers = Files.createDirectories(home.resolve("providers"));
        Files.copy(files.providersJar(), providers.resolve(files.providersJar().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(files.themesJar(), providers.resolve(files.themesJar().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path lists = Files.createDirectories(home.resolve("data/password-blacklists"));
        Files.copy(files.blocklist(), lists.resolve(files.blocklist().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(files.blocklistNotice(), lists.resolve("kosmo-common-passwords.NOTICE"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path extract(Path zipFile, Path target) throws IOException {
        Path base = target.toAbsolutePath().normalize();
        String root = null;
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry entry = en.nextElement();
                Path out = base.resolve(entry.getName()).normalize();
                if (!out.startsWith(base)) {
                    throw new IOException("zip entry outside the target folder: " + entry.getName());
                }
                if (root == null) {
                    root = entry.getName().split("/", 2)[0];
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
        if (root == null || !root.startsWith("keycloak-")) {
            throw new IOException(zipFile + " is not a Keycloak distribution (one keycloak-<version>/ folder)");
        }
        Path home = base.resolve(root);
        // Java's zip API drops the mode bits: kc.sh and friends must be executable
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(home.resolve("bin"), "*.sh")) {
            for (Path script : scripts) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return home;
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
