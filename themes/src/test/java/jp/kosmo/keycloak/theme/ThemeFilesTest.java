package jp.kosmo.keycloak.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The login theme's own files, read from the sources: what moving to keycloak.v3 and the page titles rely on. */
class ThemeFilesTest {

    private static final Path LOGIN = Path.of("src/main/resources/theme/kosmo/login");

    /** A PatternFly class, modifier or variable: pf-v5-…, pf-m-…, --pf-…. */
    private static final Pattern PATTERNFLY = Pattern.compile("\\bpf-(v\\d+-|m-)|--pf-");

    /** The files allowed to name PatternFly: the one place to change when the parent theme changes. */
    private static final List<String> PATTERNFLY_LAYER = List.of("theme.properties", "resources/css/kosmo-pf.css");

    /** Macro and hook files (no page of their own). */
    private static final List<String> NOT_PAGES = List.of("kosmo.ftl", "kosmo-hooks.ftl", "footer.ftl", "password-commons.ftl");

    /** keycloak.v2's pages a member sees as they are (kept by the parent theme). */
    private static final List<String> KEYCLOAK_PAGES = List.of("login-otp", "webauthn-authenticate",
            "login-update-password", "login-reset-password", "delete-credential", "error", "info");

    @Nested
    class PatternFlyNames {

        @Test
        void onlyInThemePropertiesAndTheCssLayer() throws IOException {
            List<String> found = new ArrayList<>();
            try (Stream<Path> files = Files.walk(LOGIN)) {
                files.filter(Files::isRegularFile)
                        .filter(f -> f.toString().endsWith(".ftl") || f.toString().endsWith(".css"))
                        .filter(f -> !PATTERNFLY_LAYER.contains(LOGIN.relativize(f).toString().replace('\\', '/')))
                        .forEach(f -> {
                            List<String> lines = read(f);
                            for (int i = 0; i < lines.size(); i++) {
                                if (PATTERNFLY.matcher(lines.get(i)).find()) {
                                    found.add(LOGIN.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).trim());
                                }
                            }
                        });
            }
            assertEquals(List.of(), found, "PatternFly names belong in " + PATTERNFLY_LAYER);
        }

        @Test
        void theCssLayerIsLoadedBeforeOurRules() throws IOException {
            String styles = properties(LOGIN.resolve("theme.properties")).getProperty("styles");
            assertEquals("css/styles.css css/kosmo-pf.css css/kosmo.css", styles);
        }
    }

    @Nested
    class PageTitles {

        @Test
        void everyPageHasATitleInJapaneseAndEnglish() throws IOException {
            List<String> missing = new ArrayList<>();
            for (String language : List.of("ja", "en")) {
                Properties messages = messages(language);
                for (String key : titleKeys()) {
                    if (messages.getProperty(key, "").isBlank()) {
                        missing.add(language + ": " + key);
                    }
                }
                assertTrue(messages.getProperty("kosmoPageTitleFormat", "").contains("{0}"));
                assertEquals("KOSMO Communication Web", messages.getProperty("kosmoServiceName"));
            }
            assertEquals(List.of(), missing);
        }

        @Test
        void noTwoPagesShareATitle() throws IOException {
            for (String language : List.of("ja", "en")) {
                Properties messages = messages(language);
                Map<String, String> keyByTitle = new HashMap<>();
                for (String key : titleKeys()) {
                    String other = keyByTitle.put(messages.getProperty(key), key);
                    assertEquals(null, other, language + ": " + key + " and " + other + " have the same title");
                }
            }
        }

        private List<String> titleKeys() throws IOException {
            List<String> keys = new ArrayList<>();
            try (Stream<Path> files = Files.list(LOGIN)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ftl") && !NOT_PAGES.contains(n))
                        .map(n -> n.substring(0, n.length() - ".ftl".length()))
                        .sorted()
                        .forEach(page -> {
                            if (page.equals("kosmo-verified-email-link")) {
                                List.of("CONFIRM", "VERIFIED", "ALREADY_VERIFIED", "STALE")
                                        .forEach(state -> keys.add("kosmoPageTitle." + page + "." + state));
                            } else {
                                keys.add("kosmoPageTitle." + page);
                            }
                        });
            }
            KEYCLOAK_PAGES.forEach(page -> keys.add("kosmoPageTitle." + page));
            return keys;
        }
    }

    private static Properties messages(String language) throws IOException {
        return properties(LOGIN.resolve("messages/messages_" + language + ".properties"));
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
