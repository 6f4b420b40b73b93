package jp.kosmo.keycloak.funnel;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Query;

/**
 * Which members a funnel counts: the realm's users (service accounts left out), optionally only those of one roster
 * import ({@code job}: the rows it created, updated, left unchanged or disabled) and only those created from
 * {@code from} to {@code to} (dates in the members' zone, both included; Keycloak's {@code CREATED_TIMESTAMP}).
 */
public record FunnelFilter(String realmId, String jobId, LocalDate from, LocalDate to, ZoneId zone) {

    /** The longest job id we accept (ours are UUIDs). */
    static final int MAX_JOB_ID = 36;

    /** Thrown for a value an admin can correct; the message says what is wrong (400). */
    public static final class InvalidFilterException extends IllegalArgumentException {
        InvalidFilterException(String message) {
            super(message);
        }
    }

    public static FunnelFilter parse(String realmId, String job, String from, String to, ZoneId zone) {
        String jobId = job == null || job.isBlank() ? null : job.trim();
        if (jobId != null && (jobId.length() > MAX_JOB_ID || !jobId.matches("[A-Za-z0-9-]+"))) {
            throw new InvalidFilterException("'job' is not an import id");
        }
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidFilterException("'to' is before 'from'");
        }
        return new FunnelFilter(realmId, jobId, start, end, zone);
    }

    private static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidFilterException("'" + name + "' must be a date YYYY-MM-DD");
        }
    }

    /** The cache key: the same members for the same key (with the terms version, which the caller adds). */
    String key() {
        return realmId + '|' + (jobId == null ? "" : jobId) + '|' + (from == null ? "" : from) + '|' + (to == null ? "" : to)
                + '|' + zone.getId();
    }

    /** SQL: the members counted, row {@code u} of {@code USER_ENTITY}. */
    String where() {
        StringBuilder sql = new StringBuilder("u.REALM_ID = :realmId AND u.SERVICE_ACCOUNT_CLIENT_LINK IS NULL");
        if (jobId != null) {
            sql.append(" AND u.USERNAME IN (SELECT j.USERNAME FROM {h-schema}KOSMO_ROSTER_ROW j WHERE j.JOB_ID = :jobId"
                    + " AND j.STATUS IN ('CREATED', 'UPDATED', 'UNCHANGED', 'DISABLED'))");
        }
        if (from != null) {
            sql.append(" AND u.CREATED_TIMESTAMP >= :createdFrom");
        }
        if (to != null) {
            sql.append(" AND u.CREATED_TIMESTAMP < :createdBefore");
        }
        return sql.toString();
    }

    void bind(Query query) {
        parameters().forEach(query::setParameter);
    }

    /** The values of the named parameters of {@link #where()}. */
    Map<String, Object> parameters() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("realmId", realmId);
        if (jobId != null) {
            values.put("jobId", jobId);
        }
        if (from != null) {
            values.put("createdFrom", from.atStartOfDay(zone).toInstant().toEpochMilli());
        }
        if (to != null) {
            values.put("createdBefore", to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
        }
        return values;
    }
}
