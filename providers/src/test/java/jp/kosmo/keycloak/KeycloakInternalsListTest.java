package jp.kosmo.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The README's "Keycloak internals we use" names every Keycloak implementation class our providers import: anything
 * in {@code org.keycloak.services.*} and anything else loaded from the {@code keycloak-services} jar.
 */
class KeycloakInternalsListTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path README = Path.of("../README.md");
    private static final String SECTION = "## Keycloak internals we use";
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.keycloak\\.[\\w.]+?)(?:\\.[a-z]\\w*|\\.\\*)?;", Pattern.MULTILINE);

    @Nested
    @DisplayName("the README's list")
    class Readme {

        @Test
        @DisplayName("names every org.keycloak.services.* class and every keycloak-services class the providers import")
        void complete() {
            String section = section(read(README));
            Set<String> missing = new TreeSet<>();
            for (String type : importedKeycloakTypes()) {
                if (isInternal(type) && !section.contains("`" + outermost(type) + "`")) {
                    missing.add(outermost(type));
                }
            }
            assertEquals(Set.of(), missing, "add them to the README's section \"" + SECTION + "\" with the reason");
        }

        @Test
        @DisplayName("recognises an internal class (the check can fail)")
        void recognises() {
            assertTrue(isInternal("org.keycloak.services.managers.AuthenticationManager"));
            assertTrue(isInternal("org.keycloak.authentication.requiredactions.UpdatePassword"));
            assertTrue(!isInternal("org.keycloak.models.UserModel"));
            assertTrue(!isInternal("org.keycloak.authentication.RequiredActionProvider"));
        }
    }

    static boolean isInternal(String type) {
        if (type.startsWith("org.keycloak.services.")) {
            return true;
        }
        try {
            CodeSource source = Class.forName(outermost(type), false, KeycloakInternalsListTest.class.getClassLoader())
                    .getProtectionDomain().getCodeSource();
            return source != null && source.getLocation().getPath().contains("keycloak-services-");
        } catch (ClassNotFoundException e) {
            throw new AssertionError("imported but not on the class path: " + type, e);
        }
    }

    /** {@code a.b.Outer.Inner} → {@code a.b.Outer} (class names start upper-case). */
    static String outermost(String type) {
        String[] parts = type.split("\\.");
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(part);
            if (Character.isUpperCase(part.charAt(0))) {
                break;
            }
        }
        return name.toString();
    }

    private static Set<String> importedKeycloakTypes() {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                Matcher m = IMPORT.matcher(read(file));
                while (m.find()) {
                    types.add(m.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(types.size() > 50, "found the providers' imports: " + types.size());
        return types;
    }

    private static String section(String readme) {
        int start = readme.indexOf(SECTION);
        assertTrue(start >= 0, "README has no section " + SECTION);
        int end = readme.indexOf("\n## ", start + SECTION.length());
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
