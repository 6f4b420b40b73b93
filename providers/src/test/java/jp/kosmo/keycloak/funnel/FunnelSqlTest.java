package jp.kosmo.keycloak.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The funnel's SQL on an in-memory H2 (the version Keycloak ships) with the columns it reads of Keycloak's tables:
 * the statements parse, and one member in each state lands where the admin guide says. The real tables and the
 * real members are {@code OnboardingFunnelIT}'s.
 */
class FunnelSqlTest {

    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final long T0 = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();

    private Connection db;
    private int ids;

    @BeforeEach
    void schema() throws SQLException {
        // Keycloak opens H2 with NON_KEYWORDS=VALUE (USER_ATTRIBUTE.VALUE is an H2 2.x keyword), so does this test
        db = DriverManager.getConnection("jdbc:h2:mem:funnel" + System.nanoTime() + ";NON_KEYWORDS=VALUE");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE USER_ENTITY (ID VARCHAR(36) PRIMARY KEY, EMAIL VARCHAR(255), EMAIL_VERIFIED BOOLEAN NOT NULL,"
                    + " ENABLED BOOLEAN NOT NULL, FIRST_NAME VARCHAR(255), LAST_NAME VARCHAR(255), REALM_ID VARCHAR(255),"
                    + " USERNAME VARCHAR(255), CREATED_TIMESTAMP BIGINT, SERVICE_ACCOUNT_CLIENT_LINK VARCHAR(255))");
            s.execute("CREATE TABLE USER_ATTRIBUTE (ID VARCHAR(36) PRIMARY KEY, NAME VARCHAR(255) NOT NULL, VALUE VARCHAR(255),"
                    + " USER_ID VARCHAR(36) NOT NULL)");
            s.execute("CREATE INDEX IDX_USER_ATTRIBUTE ON USER_ATTRIBUTE (USER_ID)");
            s.execute("CREATE TABLE CREDENTIAL (ID VARCHAR(36) PRIMARY KEY, TYPE VARCHAR(255), USER_ID VARCHAR(36), CREATED_DATE BIGINT)");
            s.execute("CREATE TABLE USER_REQUIRED_ACTION (USER_ID VARCHAR(36) NOT NULL, REQUIRED_ACTION VARCHAR(255) NOT NULL)");
            s.execute("CREATE TABLE KOSMO_ROSTER_ROW (ID VARCHAR(36) PRIMARY KEY, JOB_ID VARCHAR(36) NOT NULL, STATUS VARCHAR(16) NOT NULL,"
                    + " USERNAME VARCHAR(255))");
        }
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    @DisplayName("one member per place in the funnel: reached, stuck, methods, disabled, locked; since = the last recorded step")
    void onePerStep() throws SQLException {
        String none = member("none", 0);                     // no letter (created by hand)
        String letter = member("letter", 1);
        letter(letter, 1);
        String signed = member("signed", 2);
        letter(signed, 2);
        attribute(signed, FirstSignIn.ATTRIBUTE, Instant.ofEpochMilli(T0 + 60_000).toString());
        String birthdate = reachedBirthdate("birth", 3);
        String terms = reachedTerms("terms", 4, "1");
        String oldTerms = reachedTerms("oldterms", 5, "0");  // accepted an older version: stuck at the terms again
        String email = reachedTerms("email", 6, "1");
        verified(email);
        String method = reachedTerms("method", 7, "1");
        verified(method);
        credential(method, "kosmo-email-otp", T0 + 600_000);
        requiredAction(method, "UPDATE_PASSWORD");
        String pending = reachedTerms("pending", 8, "1");
        verified(pending);
        attribute(pending, "kosmoAuthMethodPending", "passkey");
        String done = reachedTerms("done", 9, "1");
        verified(done);
        credential(done, "otp", T0 + 700_000);
        credential(done, "webauthn-passwordless", T0 + 800_000);
        String locked = member("locked", 10);
        letter(locked, 10);
        disable(locked);
        attribute(locked, "disabledReason", "permanentLockout");
        try (Statement s = db.createStatement()) {
            s.execute("INSERT INTO USER_ENTITY VALUES ('sa', NULL, FALSE, TRUE, NULL, NULL, 'r1', 'service-account-x', 1, 'client-1')");
            s.execute("INSERT INTO USER_ENTITY VALUES ('other', NULL, FALSE, TRUE, NULL, NULL, 'r2', 'other', 1, NULL)");
        }

        FunnelFilter all = FunnelFilter.parse("r1", null, null, null, TOKYO);
        FunnelCounts counts = counts(all);
        assertEquals(11, counts.members(), "the realm's members, no service account, no other realm");
        assertEquals(List.of(10L, 8L, 7L, 5L, 4L, 3L, 1L), counts.reached());
        assertEquals(1, counts.stuck(FunnelStep.LETTER_ISSUED), "no letter (the locked member has one)");
        assertEquals(2, counts.stuck(FunnelStep.TERMS_ACCEPTED), "the current version only");
        assertEquals(2, counts.stuck(FunnelStep.ONBOARDING_COMPLETE), "password change pending; chosen for the next login");
        assertEquals(Map.of("passkey", 1L, "app-otp", 1L, "email-otp", 1L, "next-login", 1L), counts.methods());
        assertEquals(1, counts.disabled());
        assertEquals(1, counts.locked());

        assertEquals(List.of("none"), usernames(all, FunnelStep.LETTER_ISSUED));
        assertEquals(List.of("letter", "locked"), usernames(all, FunnelStep.SIGNED_IN));
        assertEquals(List.of("signed"), usernames(all, FunnelStep.BIRTHDATE_PASSED));
        assertEquals(List.of("birth", "oldterms"), usernames(all, FunnelStep.TERMS_ACCEPTED));
        assertEquals(List.of("terms"), usernames(all, FunnelStep.EMAIL_VERIFIED));
        assertEquals(List.of("email"), usernames(all, FunnelStep.METHOD_CHOSEN));
        assertEquals(List.of("method", "pending"), usernames(all, FunnelStep.ONBOARDING_COMPLETE));

        Map<String, StuckMember> since = new HashMap<>();
        for (FunnelStep step : FunnelStep.values()) {
            stuck(all, step).forEach(m -> since.put(m.username(), m));
        }
        assertEquals(Instant.ofEpochMilli(T0), since.get("none").since(), "created");
        assertEquals(Instant.ofEpochMilli(T0 + 1), since.get("letter").since(), "the letter's password");
        assertEquals(Instant.ofEpochMilli(T0 + 60_000), since.get("signed").since(), "the first sign-in");
        assertEquals(Instant.ofEpochMilli(T0 + 120_000), since.get("birth").since(), "the birthdate");
        assertEquals(Instant.ofEpochMilli(T0 + 180_000), since.get("email").since(), "the terms: the address records no time");
        assertEquals(Instant.ofEpochMilli(T0 + 600_000), since.get("method").since(), "the method's credential");
        assertEquals(Instant.ofEpochMilli(T0 + 180_000), since.get("pending").since(), "chosen for the next login: no credential");
        assertEquals("山田 method", since.get("method").name());
        assertEquals(false, since.get("locked").enabled());

        // by import: the rows the job created, updated, left unchanged or disabled, not rejected ones
        try (Statement s = db.createStatement()) {
            s.execute("INSERT INTO KOSMO_ROSTER_ROW VALUES ('1', 'job-1', 'CREATED', 'letter')");
            s.execute("INSERT INTO KOSMO_ROSTER_ROW VALUES ('2', 'job-1', 'UNCHANGED', 'done')");
            s.execute("INSERT INTO KOSMO_ROSTER_ROW VALUES ('3', 'job-1', 'REJECTED', 'signed')");
            s.execute("INSERT INTO KOSMO_ROSTER_ROW VALUES ('4', 'job-2', 'CREATED', 'birth')");
        }
        FunnelCounts job = counts(FunnelFilter.parse("r1", "job-1", null, null, TOKYO));
        assertEquals(2, job.members());
        assertEquals(List.of(2L, 1L, 1L, 1L, 1L, 1L, 1L), job.reached());

        // by creation date in the members' zone: T0 is 2026-12-01 09:00 in Tokyo
        assertEquals(11, counts(FunnelFilter.parse("r1", null, "2026-12-01", "2026-12-01", TOKYO)).members());
        assertEquals(0, counts(FunnelFilter.parse("r1", null, "2026-12-02", null, TOKYO)).members());
        assertEquals(0, counts(FunnelFilter.parse("r1", null, null, "2026-11-30", TOKYO)).members());
    }

    @Test
    @DisplayName("pages of stuck members do not overlap")
    void pages() throws SQLException {
        for (int i = 0; i < 5; i++) {
            member("m" + i, 1);
        }
        FunnelFilter all = FunnelFilter.parse("r1", null, null, null, TOKYO);
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), usernames(all, FunnelStep.LETTER_ISSUED));
        assertEquals(List.of("m2", "m3"), page(all, FunnelStep.LETTER_ISSUED, 2, 2));
    }

    // ---- members -------------------------------------------------------------------------------------------------

    private String member(String username, int minute) throws SQLException {
        String id = "u-" + username;
        try (PreparedStatement s = db.prepareStatement("INSERT INTO USER_ENTITY VALUES (?, NULL, FALSE, TRUE, ?, '山田', 'r1', ?, ?, NULL)")) {
            s.setString(1, id);
            s.setString(2, username);
            s.setString(3, username);
            s.setLong(4, T0 + minute);
            s.execute();
        }
        return id;
    }

    private void letter(String id, int offset) throws SQLException {
        attribute(id, "kosmoActivationExpiresAt", "2027-03-01T00:00:00Z");
        attribute(id, "kosmoActivationCredentialCreated", String.valueOf(T0 + offset));
        requiredAction(id, "UPDATE_PASSWORD");
    }

    private String reachedBirthdate(String username, int minute) throws SQLException {
        String id = member(username, minute);
        letter(id, minute);
        attribute(id, FirstSignIn.ATTRIBUTE, Instant.ofEpochMilli(T0 + 60_000).toString());
        attribute(id, "kosmoBirthdateVerifiedAt", Instant.ofEpochMilli(T0 + 120_000).toString());
        return id;
    }

    private String reachedTerms(String username, int minute, String version) throws SQLException {
        String id = reachedBirthdate(username, minute);
        attribute(id, "kosmoTermsVersion", version);
        attribute(id, "kosmoTermsAcceptedAt", Instant.ofEpochMilli(T0 + 180_000).toString());
        if (!"pending".equals(username) && !"method".equals(username)) {
            try (Statement s = db.createStatement()) {
                s.execute("DELETE FROM USER_REQUIRED_ACTION WHERE USER_ID = '" + id + "'");
            }
        }
        return id;
    }

    private void verified(String id) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("UPDATE USER_ENTITY SET EMAIL = ID || '@example.com', EMAIL_VERIFIED = TRUE WHERE ID = '" + id + "'");
        }
    }

    private void disable(String id) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("UPDATE USER_ENTITY SET ENABLED = FALSE WHERE ID = '" + id + "'");
        }
    }

    private void attribute(String id, String name, String value) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO USER_ATTRIBUTE VALUES (?, ?, ?, ?)")) {
            s.setString(1, "a" + ids++);
            s.setString(2, name);
            s.setString(3, value);
            s.setString(4, id);
            s.execute();
        }
    }

    private void credential(String id, String type, long created) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO CREDENTIAL VALUES (?, ?, ?, ?)")) {
            s.setString(1, "c" + ids++);
            s.setString(2, type);
            s.setString(3, id);
            s.setLong(4, created);
            s.execute();
        }
    }

    private void requiredAction(String id, String action) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO USER_REQUIRED_ACTION VALUES (?, ?)")) {
            s.setString(1, id);
            s.setString(2, action);
            s.execute();
        }
    }

    // ---- the SQL, as Hibernate runs it -----------------------------------------------------------------------------

    private FunnelCounts counts(FunnelFilter filter) throws SQLException {
        List<Object[]> rows = run(FunnelQueries.countSql(filter), filter);
        return FunnelQueries.counts(rows.get(0), Instant.ofEpochMilli(T0));
    }

    private List<StuckMember> stuck(FunnelFilter filter, FunnelStep step) throws SQLException {
        return run(FunnelQueries.stuckSql(filter, step), filter).stream().map(row -> FunnelQueries.stuckMember(row, step)).toList();
    }

    private List<String> usernames(FunnelFilter filter, FunnelStep step) throws SQLException {
        return stuck(filter, step).stream().map(StuckMember::username).toList();
    }

    private List<String> page(FunnelFilter filter, FunnelStep step, int first, int max) throws SQLException {
        String sql = FunnelQueries.stuckSql(filter, step) + " OFFSET " + first + " ROWS FETCH NEXT " + max + " ROWS ONLY";
        return run(sql, filter).stream().map(row -> FunnelQueries.stuckMember(row, step).username()).toList();
    }

    /** {@code {h-schema}} as Hibernate replaces it for the default schema, the named parameters bound in order. */
    private List<Object[]> run(String sql, FunnelFilter filter) throws SQLException {
        Map<String, Object> values = new HashMap<>(filter.parameters());
        values.put(MemberFacts.TERMS_VERSION_PARAMETER, "1");
        List<Object> bound = new ArrayList<>();
        Matcher m = PARAMETER.matcher(sql.replace("{h-schema}", ""));
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                throw new AssertionError("no value for :" + m.group(1));
            }
            bound.add(values.get(m.group(1)));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        try (PreparedStatement s = db.prepareStatement(jdbc.toString())) {
            for (int i = 0; i < bound.size(); i++) {
                s.setObject(i + 1, bound.get(i));
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
