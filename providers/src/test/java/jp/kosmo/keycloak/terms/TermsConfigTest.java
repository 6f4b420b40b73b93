package jp.kosmo.keycloak.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.RequiredActionConfigModel;

class TermsConfigTest {

    @Nested
    @DisplayName("reading the configuration")
    class Reading {

        @Test
        @DisplayName("no configuration: version 1")
        void defaults() {
            assertEquals("1", TermsConfig.of((RequiredActionConfigModel) null).version());
            assertEquals("1", TermsConfig.of(new RequiredActionConfigModel()).version());
        }

        @Test
        @DisplayName("a blank version falls back to 1; surrounding spaces are ignored")
        void blanksAndSpaces() {
            assertEquals(TermsConfig.DEFAULTS, TermsConfig.of(Map.of(TermsConfigProperties.VERSION, "  ")));
            assertEquals("2", TermsConfig.of(Map.of(TermsConfigProperties.VERSION, " 2 ")).version());
        }

        @Test
        @DisplayName("reads the version from the required action's configuration")
        void reads() {
            RequiredActionConfigModel model = new RequiredActionConfigModel();
            model.setConfig(Map.of(TermsConfigProperties.VERSION, "2025-04"));
            assertEquals("2025-04", TermsConfig.of(model).version());
        }

        @Test
        @DisplayName("the default shown in the admin console is the one applied")
        void consoleDefaultMatches() {
            Object shown = TermsConfigProperties.CONFIG_PROPERTIES.get(0).getDefaultValue();
            assertEquals(TermsConfig.DEFAULTS.version(), shown);
        }
    }

    @Nested
    @DisplayName("who must accept")
    class NeedsAcceptance {

        private final TermsConfig current = new TermsConfig("2");

        @Test
        @DisplayName("a member who never accepted")
        void never() {
            assertTrue(current.needsAcceptance(null));
        }

        @Test
        @DisplayName("a member who accepted an older (or any other) version")
        void other() {
            assertTrue(current.needsAcceptance("1"));
            assertTrue(current.needsAcceptance("3"));
            assertTrue(current.needsAcceptance(""));
        }

        @Test
        @DisplayName("not a member who accepted the current version")
        void current() {
            assertFalse(current.needsAcceptance("2"));
            assertFalse(current.needsAcceptance(" 2"));
        }
    }

    @Nested
    @DisplayName("versions an admin may set")
    class Versions {

        @ParameterizedTest(name = "[{0}] is accepted")
        @ValueSource(strings = {"1", "2", "10", "2025-04", "v1.2", "A_b-3.x", "1234567890123456789012345678901234567890123456789012345678901234"})
        void valid(String version) {
            assertTrue(TermsConfigProperties.isValidVersion(version));
        }

        @ParameterizedTest(name = "[{0}] is refused")
        @ValueSource(strings = {"", " ", " 2", "2 ", "-1", ".1", "1/2", "第2版", "1,2", "a b", "\"1\"",
                "12345678901234567890123456789012345678901234567890123456789012345"})
        void invalid(String version) {
            assertFalse(TermsConfigProperties.isValidVersion(version));
        }

        @Test
        @DisplayName("null is refused")
        void nullVersion() {
            assertFalse(TermsConfigProperties.isValidVersion(null));
        }
    }
}
