package jp.kosmo.keycloak.funnel;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import jp.kosmo.keycloak.authmethod.AuthMethod;
import jp.kosmo.keycloak.terms.Page;

/**
 * The funnel's two SQL queries over Keycloak's tables ({@code USER_ENTITY}, {@code USER_ATTRIBUTE},
 * {@code CREDENTIAL}, {@code USER_REQUIRED_ACTION}) and ours ({@code KOSMO_ROSTER_ROW}), both over
 * {@link MemberFacts}: one aggregate that counts every step, and one page of the members stuck at a step. Native SQL
 * because no Keycloak API counts by attribute presence; {@code {h-schema}} is Hibernate's placeholder for the
 * configured database schema. The same SQL runs on H2 and PostgreSQL.
 */
final class FunnelQueries {

    /** The {@code methods} entry of members who chose a method for the next login and have none enrolled. */
    static final String NEXT_LOGIN = "next-login";

    private final EntityManager em;
    private final FunnelFilter filter;
    private final String termsVersion;

    FunnelQueries(EntityManager em, FunnelFilter filter, String termsVersion) {
        this.em = em;
        this.filter = filter;
        this.termsVersion = termsVersion;
    }

    FunnelCounts counts(Instant now) {
        return counts((Object[]) query(countSql(filter)).getSingleResult(), now);
    }

    /** One page of the members stuck at {@code step}, oldest members first (ties by id, so pages never overlap). */
    List<StuckMember> stuck(FunnelStep step, Page page) {
        Query query = query(stuckSql(filter, step)).setFirstResult(page.first()).setMaxResults(page.max());
        List<StuckMember> members = new ArrayList<>();
        for (Object result : query.getResultList()) {
            members.add(stuckMember((Object[]) result, step));
        }
        return members;
    }

    /** The aggregate over {@link MemberFacts}: members, reached per step, per method, next login, disabled, locked. */
    static String countSql(FunnelFilter filter) {
        List<String> sums = new ArrayList<>();
        sums.add("COUNT(*)");
        for (FunnelStep step : FunnelStep.values()) {
            sums.add(sum(step.reached()));
        }
        for (int m = 0; m < AuthMethod.values().length; m++) {
            sums.add("SUM(m.M_" + m + ")");
        }
        sums.add(sum("m.PENDING = 1 AND m.ENROLLED = 0"));
        sums.add(sum("m.ENABLED = FALSE"));
        sums.add("SUM(m.LOCKED)");
        return "SELECT " + String.join(", ", sums) + " FROM (" + MemberFacts.sql(filter) + ") m";
    }

    static FunnelCounts counts(Object[] row, Instant now) {
        int i = 0;
        long members = number(row[i++]);
        List<Long> reached = new ArrayList<>();
        for (int s = 0; s < FunnelStep.values().length; s++) {
            reached.add(number(row[i++]));
        }
        Map<String, Long> methods = new LinkedHashMap<>();
        for (AuthMethod method : AuthMethod.values()) {
            methods.put(method.id(), number(row[i++]));
        }
        methods.put(NEXT_LOGIN, number(row[i++]));
        long disabled = number(row[i++]);
        long locked = number(row[i]);
        return new FunnelCounts(members, List.copyOf(reached), methods, disabled, locked, now);
    }

    /**
     * The members stuck at {@code step}, with the times the steps before record. The stuck members are selected in a
     * sub-select with {@code OFFSET 0 ROWS}, which PostgreSQL never merges into the outer query: without it, the page's
     * {@code LIMIT} made PostgreSQL pick a plan for the first rows, nested loops over the grouped sub-selects, and one
     * page of 100 of 100,000 members took 50 s instead of about a second (FunnelBenchmark).
     */
    static String stuckSql(FunnelFilter filter, FunnelStep step) {
        return "SELECT s.ID, s.USERNAME, s.LAST_NAME, s.FIRST_NAME, s.ENABLED, s.CREATED_TIMESTAMP, s.LETTER_AT, s.SIGNED_IN_AT,"
                + " s.BIRTHDATE_AT, s.TERMS_AT, s.METHOD_AT FROM (SELECT m.* FROM (" + MemberFacts.sql(filter) + ") m WHERE "
                + step.stuck() + " OFFSET 0 ROWS) s ORDER BY s.CREATED_TIMESTAMP, s.ID";
    }

    static StuckMember stuckMember(Object[] row, FunnelStep step) {
        String name = ((row[2] == null ? "" : row[2]) + " " + (row[3] == null ? "" : row[3])).strip();
        // the time each step records, by FunnelStep (the address and the end record none)
        Instant[] times = new Instant[FunnelStep.values().length];
        times[FunnelStep.LETTER_ISSUED.ordinal()] = millis(row[6]);
        times[FunnelStep.SIGNED_IN.ordinal()] = iso(row[7]);
        times[FunnelStep.BIRTHDATE_PASSED.ordinal()] = iso(row[8]);
        times[FunnelStep.TERMS_ACCEPTED.ordinal()] = iso(row[9]);
        times[FunnelStep.METHOD_CHOSEN.ordinal()] = millis(row[10]);
        Instant since = row[5] == null ? null : Instant.ofEpochMilli(number(row[5]));
        for (int s = step.ordinal() - 1; s >= 0; s--) {
            if (times[s] != null) {
                since = times[s];
                break;
            }
        }
        return new StuckMember((String) row[0], (String) row[1], name, Boolean.TRUE.equals(bool(row[4])), since);
    }

    private Query query(String sql) {
        Query query = em.createNativeQuery(sql);
        filter.bind(query);
        if (sql.contains(":" + MemberFacts.TERMS_VERSION_PARAMETER)) {
            query.setParameter(MemberFacts.TERMS_VERSION_PARAMETER, termsVersion);
        }
        return query;
    }

    private static String sum(String condition) {
        return "SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value instanceof Number n ? n.intValue() != 0 : null;
    }

    private static Instant millis(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant iso(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
