package jp.kosmo.keycloak.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class CodeBoundsTest {

    @Nested
    @DisplayName("the design's bounds (design.md, security decisions)")
    class Design {

        @Test
        @DisplayName("a code lives 30 s to 5 min, 1 to 5 wrong tries, 60 s to 1 h between mails, 1 to 20 mails an hour")
        void bounds() {
            CodeBounds design = CodeBounds.DESIGN;
            assertEquals(new CodeBounds.Range(30, 300), design.lifetimeSeconds());
            assertEquals(new CodeBounds.Range(1, 5), design.lifetimeMinutes());
            assertEquals(new CodeBounds.Range(1, 5), design.tries());
            assertEquals(new CodeBounds.Range(60, 3600), design.cooldownSeconds());
            assertEquals(new CodeBounds.Range(1, 20), design.mailsPerHour());
        }

        @Test
        @DisplayName("a range contains its ends and brings outside values to the nearest end")
        void range() {
            CodeBounds.Range range = new CodeBounds.Range(60, 3600);
            assertTrue(range.contains(60));
            assertTrue(range.contains(3600));
            assertFalse(range.contains(59));
            assertEquals(60, range.clamp(0));
            assertEquals(3600, range.clamp(86_400));
            assertEquals(90, range.clamp(90));
            assertThrows(IllegalArgumentException.class, () -> new CodeBounds.Range(2, 1));
        }
    }

    @Nested
    @DisplayName("the server option for test servers")
    class Floor {

        @Test
        @DisplayName("lowers only the cooldown floor")
        void lowers() {
            CodeBounds test = CodeBounds.fromServer(scope(Map.of(CodeBounds.COOLDOWN_FLOOR_OPTION, "1")));
            assertEquals(new CodeBounds.Range(1, 3600), test.cooldownSeconds());
            assertEquals(CodeBounds.DESIGN.lifetimeSeconds(), test.lifetimeSeconds());
            assertEquals(CodeBounds.DESIGN.tries(), test.tries());
            assertEquals(CodeBounds.DESIGN.mailsPerHour(), test.mailsPerHour());
        }

        @Test
        @DisplayName("cannot raise the floor above the design's, nor below 1 s")
        void kept() {
            assertEquals(60, CodeBounds.withCooldownFloor(600).cooldownSeconds().min());
            assertEquals(1, CodeBounds.withCooldownFloor(0).cooldownSeconds().min());
        }

        @Test
        @DisplayName("absent or unreadable: the design's bounds")
        void absent() {
            assertSame(CodeBounds.DESIGN, CodeBounds.fromServer(scope(Map.of())));
            assertSame(CodeBounds.DESIGN, CodeBounds.fromServer(scope(Map.of(CodeBounds.COOLDOWN_FLOOR_OPTION, "soon"))));
            assertSame(CodeBounds.DESIGN, CodeBounds.fromServer(null));
        }
    }

    /** A server-option scope holding these values. */
    static Config.Scope scope(Map<String, String> values) {
        return new Config.Scope() {
            @Override
            public String get(String key) {
                return values.get(key);
            }

            @Override
            public String get(String key, String defaultValue) {
                return values.getOrDefault(key, defaultValue);
            }

            @Override
            public String[] getArray(String key) {
                String value = values.get(key);
                return value == null ? null : value.split(",");
            }

            @Override
            public Integer getInt(String key, Integer defaultValue) {
                String value = values.get(key);
                return value == null ? defaultValue : Integer.valueOf(value);
            }

            @Override
            public Long getLong(String key, Long defaultValue) {
                String value = values.get(key);
                return value == null ? defaultValue : Long.valueOf(value);
            }

            @Override
            public Boolean getBoolean(String key, Boolean defaultValue) {
                String value = values.get(key);
                return value == null ? defaultValue : Boolean.valueOf(value);
            }

            @Override
            public Config.Scope scope(String... scope) {
                return CodeBoundsTest.scope(Map.of());
            }

            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public Config.Scope root() {
                return this;
            }
        };
    }
}
