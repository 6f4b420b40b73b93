package jp.kosmo.keycloak.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("./run.sh --db h2|postgres")
class DatabaseOptionsTest {

    private static DatabaseChoice parse(String... args) {
        return DevServerOptions.parse(args, "/p").database();
    }

    @Nested
    @DisplayName("parsing")
    class Parsing {

        @Test
        @DisplayName("without --db the H2 file database is used")
        void defaultH2() {
            DatabaseChoice db = parse();
            assertFalse(db.postgres());
            assertNull(db.postgresDatabase());
            assertEquals(DatabaseChoice.H2, parse("--db", "h2"));
        }

        @Test
        @DisplayName("--db postgres uses the database kosmo, --db=postgres and --db-name work too")
        void postgres() {
            assertEquals(new DatabaseChoice(true, "kosmo"), parse("--db", "postgres"));
            assertEquals(new DatabaseChoice(true, "kosmo"), parse("--db=postgres"));
            assertEquals(new DatabaseChoice(true, "kosmo_demo"), parse("--db", "postgres", "--db-name", "kosmo_demo"));
            assertEquals(new DatabaseChoice(true, "other"), parse("--db-name=other", "--db=PostgreSQL"));
            assertEquals("jdbc:postgresql://127.0.0.1:5432/kosmo", parse("--db", "postgres").postgresJdbcUrl());
        }

        @Test
        @DisplayName("refuses an unknown database, --db-name without postgres and names that are not identifiers")
        void invalid() {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--db", "mysql"))
                    .getMessage().contains("h2 or postgres"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--db-name", "x"))
                    .getMessage().contains("--db postgres"));
            assertThrows(IllegalArgumentException.class, () -> parse("--db", "postgres", "--db-name", "kosmo; drop"));
            assertThrows(IllegalArgumentException.class, () -> parse("--db", "postgres", "--db-name", "Kosmo"));
            assertThrows(IllegalArgumentException.class, () -> parse("--db"));
        }

        @Test
        @DisplayName("the usage lists --db and --db-name")
        void usage() {
            assertTrue(DevServerOptions.usage().contains("--db h2|postgres"));
            assertTrue(DevServerOptions.usage().contains("--db-name NAME"));
        }
    }

    @Nested
    @DisplayName("the Keycloak command line")
    class CommandLine {

        private final Path home = Path.of("/kc");

        @Test
        @DisplayName("H2: --db=dev-file with the file URL")
        void h2() {
            List<String> command = KeycloakProcess.command(home, 8080, 9000, DatabaseChoice.H2, "jdbc:h2:file:/x");
            assertTrue(command.contains("--db=dev-file"));
            assertTrue(command.contains("--db-url=jdbc:h2:file:/x"));
        }

        @Test
        @DisplayName("PostgreSQL: --db=postgres, the URL on 127.0.0.1:5432 and user postgres, no H2")
        void postgres() {
            List<String> command = KeycloakProcess.command(home, 18080, 19000, new DatabaseChoice(true, "kosmo"),
                    "jdbc:h2:file:/x");
            assertEquals(List.of("/kc/bin/kc.sh", "start-dev", "--import-realm", "--http-host=127.0.0.1",
                    "--http-port=18080", "--metrics-enabled=true", "--http-management-host=127.0.0.1", "--http-management-port=19000", "--db=postgres", "--db-url=jdbc:postgresql://127.0.0.1:5432/kosmo",
                    "--db-username=postgres"), command);
        }

        @Test
        @DisplayName("psql talks to the maintenance database as postgres on 127.0.0.1:5432")
        void psql() {
            assertEquals(List.of("psql", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d", "postgres", "-v",
                    "ON_ERROR_STOP=1", "-Atqc", "SELECT 1"), PostgresSetup.command("SELECT 1"));
        }
    }
}
