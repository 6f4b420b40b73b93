package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.kosmo.keycloak.it.support.Members;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Rules for the integration tests' own sources (run by surefire, no server): no pause longer than 1 s (a code's
 * lifetime, a cooldown or a lockout is waited out by moving the server clock, {@code ServerClock}), and no hard-coded
 * server address (the test framework's {@code @InjectKeycloakUrls} gives it).
 */
class TestSourceRulesTest {

    static final Path SOURCES = Path.of("src", "test", "java");

    /** Written in two parts, so this file does not break its own rule. */
    static final String FIXED_ADDRESS = "localhost" + ":" + "8080";

    /** A call of a sleep: Thread.sleep(...), Members.sleep(...), TimeUnit.X.sleep(...), sleep(...). */
    private static final Pattern SLEEP = Pattern.compile("\\bsleep\\s*\\(([^;]*)\\)\\s*;");
    private static final Pattern MILLIS_LITERAL = Pattern.compile("[0-9][0-9_]*[lL]?");

    /** The one place that may call Thread.sleep with a variable: the bounded helper itself. */
    private static final String HELPER = "Members.java";
    private static final String HELPER_CALL = "Thread.sleep(millis);";

    /** What is wrong in one source file, one line per finding. */
    static List<String> problems(String fileName, String source) {
        List<String> problems = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = fileName + ":" + (i + 1) + ": ";
            if (line.contains(FIXED_ADDRESS)) {
                problems.add(where + "fixed server address " + FIXED_ADDRESS + " (use @InjectKeycloakUrls)");
            }
            if (line.trim().startsWith("*") || line.trim().startsWith("//")) {
                continue;
            }
            Matcher sleep = SLEEP.matcher(line);
            while (sleep.find()) {
                String argument = sleep.group(1).trim();
                if (fileName.equals(HELPER) && line.trim().equals(HELPER_CALL)) {
                    continue;
                }
                if (line.substring(0, sleep.start()).matches(".*\\bTimeUnit\\.\\w+\\.\\s*$")) {
                    problems.add(where + "TimeUnit sleep (" + argument + "): use Members.sleep, at most 1 s");
                } else if (!MILLIS_LITERAL.matcher(argument).matches()) {
                    problems.add(where + "sleep of a computed length (" + argument + "): move the server clock");
                } else if (millis(argument) > Members.MAX_SLEEP_MILLIS) {
                    problems.add(where + "sleep of " + millis(argument) + " ms > " + Members.MAX_SLEEP_MILLIS
                            + " ms: move the server clock (ServerClock) instead");
                }
            }
        }
        return problems;
    }

    private static long millis(String literal) {
        return Long.parseLong(literal.replace("_", "").replaceAll("[lL]$", ""));
    }

    @Test
    @DisplayName("no test source sleeps longer than 1 s or names localhost:8080")
    void sources() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the integration-tests module: " + SOURCES.toAbsolutePath());
        List<String> problems = new ArrayList<>();
        int files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            // this file holds examples of what the rules refuse (its own tests below)
            List<Path> java = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals(TestSourceRulesTest.class.getSimpleName() + ".java"))
                    .toList();
            files = java.size();
            for (Path file : java) {
                problems.addAll(problems(file.getFileName().toString(), read(file)));
            }
        }
        assertTrue(files > 20, "found the test sources: " + files);
        assertEquals(List.of(), problems);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    @DisplayName("the check itself")
    class Check {

        @Test
        @DisplayName("finds long, computed and fixed-address waits")
        void finds() {
            assertEquals(1, problems("A.java", "        Thread.sleep(31_000);").size());
            assertEquals(1, problems("A.java", "        Members.sleep(1100);").size());
            assertEquals(1, problems("A.java", "        TimeUnit.SECONDS.sleep(2);").size());
        }

        @Test
        @DisplayName("flags a computed length and the fixed address")
        void computed() {
            assertEquals(1, problems("A.java", "        Members.sleep(Math.max(0, until - now));").size());
            assertEquals(1, problems("A.java", "    String url = \"http://" + FIXED_ADDRESS + "/realms\";").size());
        }

        @Test
        @DisplayName("lets short pauses and the helper's own call through")
        void allows() {
            assertEquals(List.of(), problems("A.java", "            Members.sleep(200);\n        Thread.sleep(1_000L);"));
            assertEquals(List.of(), problems(HELPER, "            " + HELPER_CALL));
            assertEquals(1, problems("A.java", "            " + HELPER_CALL).size(), "only the helper may");
        }
    }
}
