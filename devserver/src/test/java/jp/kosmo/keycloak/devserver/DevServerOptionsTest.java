package jp.kosmo.keycloak.devserver;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("DevServerOptions (command line of ./run.sh)")
class DevServerOptionsTest {

    @Nested
    @DisplayName("without arguments")
    class Defaults {

        @Test
        @DisplayName("uses ports 8080 / 1025 / 8025, the management port 9000 (metrics) and keeps the data")
        void defaults() {
            DevServerOptions options = DevServerOptions.parse(new String[0], "/tmp/project");
            assertEquals(8080, options.httpPort());
            assertEquals(9000, options.managementPort());
            assertEquals(1025, options.smtpPort());
            assertEquals(8025, options.mailWebPort());
            assertFalse(options.reset());
            assertFalse(options.help());
        }

        @Test
        @DisplayName("takes the project dir from the system property")
        void projectDirFromProperty() {
            assertEquals(Path.of("/tmp/project"), DevServerOptions.parse(new String[0], "/tmp/project").projectDir());
        }

        @Test
        @DisplayName("falls back to the current directory, made absolute")
        void projectDirFallback() {
            Path dir = DevServerOptions.parse(new String[0], null).projectDir();
            assertTrue(dir.isAbsolute());
            assertEquals(Path.of("").toAbsolutePath().normalize(), dir);
        }
    }

    @Nested
    @DisplayName("with options")
    class WithOptions {

        @Test
        @DisplayName("reads --reset and the ports given as separate values")
        void separateValues() {
            DevServerOptions options = DevServerOptions.parse(new String[]{"--reset", "--http-port", "18080",
                    "--smtp-port", "11025", "--mail-web-port", "18025", "--management-port", "19000"}, "/p");
            assertTrue(options.reset());
            assertEquals(18080, options.httpPort());
            assertEquals(11025, options.smtpPort());
            assertEquals(18025, options.mailWebPort());
            assertEquals(19000, options.managementPort());
        }

        @Test
        @DisplayName("reads --name=value")
        void inlineValues() {
            DevServerOptions options = DevServerOptions.parse(new String[]{"--http-port=9090", "--project-dir=/x/y"}, "/p");
            assertEquals(9090, options.httpPort());
            assertEquals(Path.of("/x/y"), options.projectDir());
        }

        @Test
        @DisplayName("recognises -h and --help")
        void help() {
            assertTrue(DevServerOptions.parse(new String[]{"-h"}, "/p").help());
            assertTrue(DevServerOptions.parse(new String[]{"--help"}, "/p").help());
        }
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("unknown options")
        void unknown() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DevServerOptions.parse(new String[]{"--port", "1"}, "/p"));
            assertTrue(e.getMessage().contains("--port"));
        }

        @Test
        @DisplayName("a missing value")
        void missingValue() {
            assertThrows(IllegalArgumentException.class, () -> DevServerOptions.parse(new String[]{"--http-port"}, "/p"));
        }

        @Test
        @DisplayName("a value that is not a port")
        void notAPort() {
            assertThrows(IllegalArgumentException.class, () -> DevServerOptions.parse(new String[]{"--smtp-port", "abc"}, "/p"));
            assertThrows(IllegalArgumentException.class, () -> DevServerOptions.parse(new String[]{"--smtp-port", "0"}, "/p"));
            assertThrows(IllegalArgumentException.class, () -> DevServerOptions.parse(new String[]{"--smtp-port", "70000"}, "/p"));
        }

        @Test
        @DisplayName("the same port twice")
        void samePort() {
            assertThrows(IllegalArgumentException.class,
                    () -> DevServerOptions.parse(new String[]{"--mail-web-port", "8080"}, "/p"));
            assertThrows(IllegalArgumentException.class,
                    () -> DevServerOptions.parse(new String[]{"--management-port", "8025"}, "/p"));
        }

        @Test
        @DisplayName("a value on --reset")
        void valueOnFlag() {
            assertThrows(IllegalArgumentException.class, () -> DevServerOptions.parse(new String[]{"--reset=yes"}, "/p"));
        }
    }
}
