package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Members;
import jp.kosmo.keycloak.it.support.PostgresDatabase;
import jp.kosmo.keycloak.it.support.TermsAdminApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.conditions.DisabledForDatabases;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * 【4】 The terms acceptance on PostgreSQL: Keycloak 26.7.5 started on the local PostgreSQL (failsafe execution
 * {@code postgres}, database created afresh for the run), our Liquibase changelog applied there, accept + admin
 * list through the real pages and the admin REST API, and the table, its keys and its cascades checked with SQL.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
@DisabledForDatabases({"dev-mem", "dev-file"})
class TermsPostgresIT extends KosmoTestBase {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final String TABLE = "kosmo_terms_acceptance";

    @InjectAdminClient
    Keycloak adminClient;

    private BirthdatePage birthdate;
    private TermsPage terms;
    private TermsAdminApi api;

    @BeforeEach
    void setUp() {
        birthdate = browser.page(BirthdatePage.class);
        terms = browser.page(TermsPage.class);
        api = new TermsAdminApi(urls, () -> adminClient.tokenManager().getAccessTokenString());
        browser.forgetSession();
        // 【8】 and the pages after it are covered by FirstLoginStoriesIT; here the member goes straight on
        members.enableRequiredAction("kosmo-auth-method", false);
    }

    @Test
    @DisplayName("Keycloak runs on PostgreSQL with our changelog applied: table, foreign keys with ON DELETE CASCADE, both indexes")
    void schema() throws SQLException {
        try (Connection db = PostgresDatabase.connect()) {
            assertEquals("PostgreSQL", db.getMetaData().getDatabaseProductName());
            assertEquals(List.of("id", "realm_id", "user_id", "terms_version", "accepted_at", "client_ip", "user_agent"),
                    strings(db, "select column_name from information_schema.columns where table_name = ? order by ordinal_position", TABLE));
            assertEquals(Set.of("fk_kosmo_terms_realm:realm:CASCADE", "fk_kosmo_terms_user:user_entity:CASCADE"), new TreeSet<>(strings(db,
                    "select lower(tc.constraint_name) || ':' || lower(ccu.table_name) || ':' || rc.delete_rule"
                            + " from information_schema.table_constraints tc"
                            + " join information_schema.referential_constraints rc on rc.constraint_name = tc.constraint_name"
                            + " join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name"
                            + " where tc.table_name = ? and tc.constraint_type = 'FOREIGN KEY'", TABLE)));
            List<String> indexes = strings(db, "select indexname from pg_indexes where tablename = ?", TABLE);
            assertTrue(indexes.containsAll(List.of("idx_kosmo_terms_user", "idx_kosmo_terms_version")), indexes::toString);
        }
    }

    @Test
    @DisplayName("first login on PostgreSQL: 同意する records the member's version and exactly one row, which the admin REST list and CSV return")
    void acceptAndList() throws SQLException {
        String member = members.create("pg", "1979-08-22", PASSWORD);
        browser.openPortal();
        login.logIn(member, PASSWORD);
        birthdate.enter("19790822");
        terms.assertCurrent();
        assertEquals("KOSMO Communication Web 利用規約", terms.heading());
        terms.accept();
        browser.waitForPortal();

        UserRepresentation user = members.find(member);
        assertEquals("1", members.attribute(member, "kosmoTermsVersion"));
        List<Map<String, Object>> rows = api.ofMember(user.getId());
        assertEquals(1, rows.size(), rows::toString);
        assertEquals(member, rows.get(0).get("username"));
        assertEquals(List.of(user.getId()), api.ofVersion("1", 0, 100).stream().map(r -> r.get("userId")).toList());
        TermsAdminApi.Reply csv = api.get(TermsAdminApi.versionPath("1") + ".csv");
        assertEquals(200, csv.status(), csv.text());
        assertTrue(csv.text().contains(member + "," + user.getId() + ",1,"), csv.text());

        try (Connection db = PostgresDatabase.connect()) {
            assertEquals(List.of(realm.getId() + "|" + user.getId() + "|1"), strings(db,
                    "select realm_id || '|' || user_id || '|' || terms_version from " + TABLE + " where user_id = ?", user.getId()));
        }

        realm.admin().users().get(user.getId()).remove();
        try (Connection db = PostgresDatabase.connect()) {
            assertEquals(List.of(), strings(db, "select id from " + TABLE + " where user_id = ?", user.getId()),
                    "the member's rows are deleted with the member");
        }
    }

    @Test
    @DisplayName("deleting a realm on PostgreSQL deletes its rows (foreign key cascade)")
    void realmCascade() throws SQLException {
        RealmRepresentation other = new RealmRepresentation();
        other.setRealm("kosmo-terms-pg-cascade");
        other.setEnabled(true);
        adminClient.realms().create(other);
        String realmId = adminClient.realm(other.getRealm()).toRepresentation().getId();
        UserRepresentation user = new UserRepresentation();
        user.setUsername("someone");
        user.setEnabled(true);
        adminClient.realm(other.getRealm()).users().create(user).close();
        String userId = adminClient.realm(other.getRealm()).users().search("someone", true).get(0).getId();

        try (Connection db = PostgresDatabase.connect();
             PreparedStatement insert = db.prepareStatement("insert into " + TABLE
                     + " (id, realm_id, user_id, terms_version, accepted_at) values (?, ?, ?, '1', 0)")) {
            insert.setString(1, "pg-cascade-" + System.nanoTime());
            insert.setString(2, realmId);
            insert.setString(3, userId);
            insert.executeUpdate();
        }

        adminClient.realm(other.getRealm()).remove();
        try (Connection db = PostgresDatabase.connect()) {
            assertEquals(List.of(), strings(db, "select id from " + TABLE + " where realm_id = ?", realmId));
        }
    }

    private static List<String> strings(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }
}
