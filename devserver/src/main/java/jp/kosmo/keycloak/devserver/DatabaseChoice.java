package jp.kosmo.keycloak.devserver;

import java.util.regex.Pattern;

/**
 * The database of the run command: Keycloak's H2 file database (default) or the local PostgreSQL at
 * {@value #POSTGRES_HOST} (user {@value #POSTGRES_USER}, trust authentication), chosen with {@code --db postgres}.
 *
 * @param postgres         true for PostgreSQL
 * @param postgresDatabase the PostgreSQL database name (null for H2)
 */
record DatabaseChoice(boolean postgres, String postgresDatabase) {

    static final String POSTGRES_HOST = "127.0.0.1:5432";
    static final String POSTGRES_USER = "postgres";
    static final String DEFAULT_POSTGRES_DATABASE = "kosmo";

    /** Plain lower-case identifiers only: the name goes into CREATE DATABASE. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    static final DatabaseChoice H2 = new DatabaseChoice(false, null);

    /**
     * @param db     value of {@code --db}: {@code h2} or {@code postgres}
     * @param dbName value of {@code --db-name}, may be null
     * @throws IllegalArgumentException with a message fit for the console
     */
    static DatabaseChoice of(String db, String dbName) {
        switch (db.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "h2" -> {
                if (dbName != null) {
                    throw new IllegalArgumentException("--db-name needs --db postgres");
                }
                return H2;
            }
            case "postgres", "postgresql" -> {
                String name = dbName == null ? DEFAULT_POSTGRES_DATABASE : dbName.trim();
                if (!DATABASE_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("--db-name must be a lower-case PostgreSQL identifier"
                            + " (a-z, 0-9, _), got '" + dbName + "'");
                }
                return new DatabaseChoice(true, name);
            }
            default -> throw new IllegalArgumentException("--db must be h2 or postgres, got '" + db + "'");
        }
    }

    String postgresJdbcUrl() {
        return "jdbc:postgresql://" + POSTGRES_HOST + "/" + postgresDatabase;
    }
}
