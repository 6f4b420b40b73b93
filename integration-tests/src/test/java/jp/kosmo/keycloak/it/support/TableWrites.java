package jp.kosmo.keycloak.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rows written to a PostgreSQL database, per table: {@code n_tup_ins + n_tup_upd + n_tup_del} of
 * {@code pg_stat_user_tables}. PostgreSQL's statistics are lazy: a server connection reports what it wrote when it
 * goes idle, at most once a second, and an idle one that held some back reports it within 10 s. So
 * {@link #settled()} reads the counters until they have not moved for {@link #QUIET}, each read on a fresh snapshot
 * ({@code pg_stat_clear_snapshot()}).
 */
public final class TableWrites {

    /** Longer than PostgreSQL's idle flush interval of pending statistics (PGSTAT_IDLE_INTERVAL, 10 s). */
    static final Duration QUIET = Duration.ofSeconds(12);

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public TableWrites(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Rows written so far, per table, once the counters have stopped moving. */
    public Map<String, Long> settled() {
        Map<String, Long> last = read();
        Instant quietSince = Instant.now();
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        while (Duration.between(quietSince, Instant.now()).compareTo(QUIET) < 0 && Instant.now().isBefore(until)) {
            Members.sleep(1000);
            Map<String, Long> now = read();
            if (!now.equals(last)) {
                last = now;
                quietSince = Instant.now();
            }
        }
        return last;
    }

    /** {@code after - before} per table, tables without writes left out, largest first. */
    public static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((table, rows) -> {
            long d = rows - before.getOrDefault(table, 0L);
            if (d != 0) {
                delta.put(table, d);
            }
        });
        return delta.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    public static long total(Map<String, Long> rows) {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<String, Long> read() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
            Map<String, Long> rows = new HashMap<>();
            try (ResultSet result = statement.executeQuery(
                    "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables")) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getLong(2));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_user_tables of " + jdbcUrl, e);
        }
    }
}
