package jp.kosmo.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderFactory;

/**
 * Installing our jar must not change a realm that does not use our providers: no provider of ours may register
 * under one of Keycloak's ids (Keycloak would then use ours everywhere, master included).
 */
class NoBuiltInIdsTest {

    /** Where every id of ours starts. */
    static final String PREFIX = "kosmo-";

    /**
     * Ids that may not start with {@link #PREFIX}, each with its reason. None: every provider we ship has an id of
     * its own.
     */
    static final Map<String, String> ALLOWED = Map.of();

    static final Path SERVICES = Path.of("src", "main", "resources", "META-INF", "services");
    static final Path SOURCES = Path.of("src", "main", "java");

    @Nested
    @DisplayName("every provider factory listed in META-INF/services")
    class Registered {

        @Test
        @DisplayName("has an id of its own, starting with kosmo-")
        void kosmoIds() {
            Map<String, String> ids = registeredIds();
            List<String> foreign = ids.entrySet().stream()
                    .filter(e -> !e.getValue().startsWith(PREFIX) && !ALLOWED.containsKey(e.getValue()))
                    .map(e -> e.getKey() + " registers " + e.getValue())
                    .toList();
            assertEquals(List.of(), foreign);
        }

        @Test
        @DisplayName("includes the five that once shadowed Keycloak's login form, OTP form and required actions")
        void formerShadows() {
            Set<String> ids = Set.copyOf(registeredIds().values());
            for (String id : List.of("kosmo-login-form", "kosmo-otp-form", "kosmo-update-password",
                    "kosmo-configure-totp", "kosmo-passkey-register")) {
                assertTrue(ids.contains(id), () -> id + " not among " + ids);
            }
        }
    }

    @Nested
    @DisplayName("the sources in providers/")
    class Sources {

        @Test
        @DisplayName("have no getId() or id constant naming a Keycloak required action or factory id")
        void noBuiltInIdInSources() {
            List<String> findings = new ArrayList<>();
            for (Path file : javaFiles()) {
                String source = read(file);
                BuiltInIdScan.findings(source).forEach(f -> findings.add(SOURCES.relativize(file) + ": " + f));
            }
            assertEquals(List.of(), findings);
        }

        @Test
        @DisplayName("are actually scanned (the factories' sources are among them)")
        void scansTheFactories() {
            Set<String> names = javaFiles().stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            assertTrue(names.containsAll(Set.of("KosmoLoginFormFactory.java", "KosmoOtpFormAuthenticatorFactory.java",
                    "KosmoUpdatePassword.java", "KosmoUpdateTotp.java", "KosmoPasskeyRegisterFactory.java")), names::toString);
        }
    }

    @Nested
    @DisplayName("the source check")
    class Check {

        @Test
        @DisplayName("finds getId() returning a UserModel.RequiredAction")
        void requiredAction() {
            assertFalse(BuiltInIdScan.findings("""
                    import org.keycloak.models.UserModel;
                    class A { public String getId() { return UserModel.RequiredAction.UPDATE_PASSWORD.name(); } }
                    """).isEmpty());
        }

        @Test
        @DisplayName("finds getId() returning a Keycloak factory's PROVIDER_ID")
        void keycloakProviderId() {
            assertFalse(BuiltInIdScan.findings("""
                    import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticatorFactory;
                    class A { @Override
                      public String getId() {
                        return OTPFormAuthenticatorFactory.PROVIDER_ID;
                      }
                    }
                    """).isEmpty());
        }

        @Test
        @DisplayName("finds an id constant taken from Keycloak, and a literal without the prefix")
        void constantsAndLiterals() {
            assertFalse(BuiltInIdScan.findings("""
                    import org.keycloak.authentication.requiredactions.WebAuthnPasswordlessRegisterFactory;
                    class A { static final String PROVIDER_ID = WebAuthnPasswordlessRegisterFactory.PROVIDER_ID; }
                    """).isEmpty());
            assertFalse(BuiltInIdScan.findings("""
                    class A { public String getId() { return "auth-otp-form"; } }
                    """).isEmpty());
            assertFalse(BuiltInIdScan.findings("""
                    class A { public String getId() { return RequiredActionIds.KEYCLOAK_UPDATE_PASSWORD; } }
                    """).isEmpty());
        }

        @Test
        @DisplayName("accepts our own ids")
        void ours() {
            assertEquals(List.of(), BuiltInIdScan.findings("""
                    import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticatorFactory;
                    class A extends OTPFormAuthenticatorFactory {
                      public static final String PROVIDER_ID = "kosmo-otp-form";
                      public String getId() { return PROVIDER_ID; }
                    }
                    """));
        }
    }

    /** Class name → id, for every factory listed in our service files (instantiated as Keycloak would). */
    static Map<String, String> registeredIds() {
        Map<String, String> ids = new TreeMap<>();
        try (Stream<Path> files = Files.list(SERVICES)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String name = line.replaceAll("#.*", "").strip();
                    if (!name.isEmpty()) {
                        ids.put(name, idOf(name));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(ids.isEmpty(), "no factories found in " + SERVICES.toAbsolutePath());
        return ids;
    }

    private static String idOf(String className) {
        try {
            Object factory = Class.forName(className).getDeclaredConstructor().newInstance();
            return ((ProviderFactory<?>) factory).getId();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + className, e);
        }
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The grep-level part: what a source file's {@code getId()} bodies and id constants are made of. */
    static final class BuiltInIdScan {

        private static final Pattern KEYCLOAK_IMPORT = Pattern.compile("^import\\s+org\\.keycloak\\.[\\w.]*\\.(\\w+);",
                Pattern.MULTILINE);
        private static final Pattern GET_ID = Pattern.compile("String\\s+getId\\s*\\(\\s*\\)\\s*\\{([^}]*)}");
        private static final Pattern STRING_CONSTANT = Pattern.compile(
                "static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*([^;]+);");
        private static final Pattern RETURNED_NAME = Pattern.compile("return\\s+(\\w+)\\s*;");
        private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

        private BuiltInIdScan() {
        }

        static List<String> findings(String source) {
            Set<String> keycloakClasses = new java.util.HashSet<>();
            Matcher imports = KEYCLOAK_IMPORT.matcher(source);
            while (imports.find()) {
                keycloakClasses.add(imports.group(1));
            }
            List<String> findings = new ArrayList<>();
            Set<String> idConstants = new java.util.HashSet<>(Set.of("PROVIDER_ID"));
            Matcher getId = GET_ID.matcher(source);
            while (getId.find()) {
                check("getId() returns", getId.group(1), keycloakClasses, findings);
                Matcher returned = RETURNED_NAME.matcher(getId.group(1));
                while (returned.find()) {
                    idConstants.add(returned.group(1));
                }
            }
            Matcher constant = STRING_CONSTANT.matcher(source);
            while (constant.find()) {
                if (idConstants.contains(constant.group(1))) {
                    check(constant.group(1) + " =", constant.group(2), keycloakClasses, findings);
                }
            }
            return findings;
        }

        private static void check(String what, String expression, Set<String> keycloakClasses, List<String> findings) {
            String code = expression.strip();
            if (code.contains("RequiredAction.") || code.contains("KEYCLOAK_")) {
                findings.add(what + " a Keycloak required action: " + code);
            }
            for (String keycloakClass : keycloakClasses) {
                if (Pattern.compile("\\b" + keycloakClass + "\\.(PROVIDER_ID|ID)\\b").matcher(code).find()) {
                    findings.add(what + " Keycloak's " + keycloakClass + " id: " + code);
                }
            }
            Matcher literal = LITERAL.matcher(code);
            while (literal.find()) {
                if (!literal.group(1).startsWith(PREFIX)) {
                    findings.add(what + " an id without the " + PREFIX + " prefix: " + code);
                }
            }
        }
    }
}
