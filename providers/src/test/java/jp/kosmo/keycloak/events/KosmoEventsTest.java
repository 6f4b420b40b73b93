package jp.kosmo.keycloak.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;

class KosmoEventsTest {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    /** The public String constants of a class whose name starts with the prefix, by constant name. */
    private static Map<String, String> constants(Class<?> type, String prefix) {
        return Stream.of(type.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers()))
                .filter(f -> f.getType() == String.class && f.getName().startsWith(prefix))
                .collect(Collectors.toMap(Field::getName, KosmoEventsTest::value));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    @DisplayName("the names")
    class Names {

        @Test
        @DisplayName("every detail key is kosmo_ and snake_case, and none is one of Keycloak's own detail keys")
        void detailKeys() {
            Map<String, String> keys = constants(KosmoEvents.class, "DETAIL_");
            assertTrue(keys.size() >= 9, keys::toString);
            Set<String> keycloaks = new HashSet<>(constants(Details.class, "").values());
            keys.forEach((name, key) -> {
                assertTrue(key.startsWith("kosmo_") && SNAKE_CASE.matcher(key).matches(), name + " = " + key);
                assertTrue(!keycloaks.contains(key), name + " = " + key + " is a Keycloak detail key");
            });
            assertEquals(keys.size(), new HashSet<>(keys.values()).size(), "two constants, one key: " + keys);
        }

        @Test
        @DisplayName("every reason is snake_case; our own error codes are kosmo_ and none repeats one of Keycloak's Errors")
        void reasonsAndErrors() {
            Map<String, String> reasons = constants(KosmoEvents.class, "REASON_");
            assertTrue(reasons.size() >= 13, reasons::toString);
            reasons.forEach((name, reason) -> assertTrue(SNAKE_CASE.matcher(reason).matches(), name + " = " + reason));
            assertEquals(reasons.size(), new HashSet<>(reasons.values()).size(), "two constants, one reason: " + reasons);

            Map<String, String> errors = constants(KosmoEvents.class, "ERROR_");
            Set<String> keycloaks = new HashSet<>(constants(Errors.class, "").values());
            assertEquals(Set.of("kosmo_address_in_use", "kosmo_birthdate_not_on_file"), new HashSet<>(errors.values()));
            errors.forEach((name, error) -> {
                assertTrue(error.startsWith("kosmo_") && SNAKE_CASE.matcher(error).matches(), name + " = " + error);
                assertTrue(!keycloaks.contains(error), name + " = " + error);
            });
        }
    }

    @Nested
    @DisplayName("the providers' sources")
    class Sources {

        /** A string literal as an event's detail key, detail value of a Keycloak key, or error. */
        private static final Pattern LITERAL = Pattern.compile(
                "\\.detail\\(\\s*\"|\\.error\\(\\s*\"|Details\\.[A-Z_]+\\s*,\\s*\"");
        private static final Pattern LOGGER_CALL = Pattern.compile("\\b(LOG|LOGGER|logger|log)\\.error\\(");

        @Test
        @DisplayName("name every detail key, reason and error by a constant (Keycloak's or KosmoEvents'), never a literal")
        void noLiterals() throws IOException {
            Path sources = Path.of("src/main/java");
            assertTrue(Files.isDirectory(sources), sources.toAbsolutePath().toString());
            List<String> offending = new ArrayList<>();
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                    List<String> lines = read(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = LOGGER_CALL.matcher(lines.get(i)).replaceAll("");
                        if (LITERAL.matcher(line).find()) {
                            offending.add(sources.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                });
            }
            assertEquals(List.of(), offending);
        }

        private static List<String> read(Path file) {
            try {
                return Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
