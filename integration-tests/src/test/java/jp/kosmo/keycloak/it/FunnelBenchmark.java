package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoUrls;
import jp.kosmo.keycloak.it.support.RosterApi;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Benchmark, not a test (run with {@code -Pbenchmarks}, see README): the onboarding funnel's answer time for many
 * members (default 100,000, {@code -Dkosmo.bench.members=…}). The members are created with Keycloak's partial import
 * ({@code POST /admin/realms/kosmo/partialImport}, requests of {@code -Dkosmo.bench.partial-batch=…} users, no
 * passwords, so nothing is hashed) or, with {@code -Dkosmo.bench.seed=sql} on PostgreSQL, by SQL ({@link #seedBySql}),
 * spread evenly over the steps by the attributes, address, credentials and
 * required actions the steps read. Prints the time of the first count (the database), of the same question again
 * (the node's cache), of a filtered count and of one page of stuck members. On PostgreSQL, production's database, with
 * {@code -Dkosmo.it.db=postgres} (the README gives the command); the embedded H2 is the dev database.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class FunnelBenchmark {

    static final int MEMBERS = Integer.getInteger("kosmo.bench.members", 100_000);
    static final int BATCH = Integer.getInteger("kosmo.bench.partial-batch", 1000);
    /** {@code -Dkosmo.bench.seed=sql}: members written by SQL (PostgreSQL only), see {@link #seedBySql}. */
    static final boolean SQL_SEED = "sql".equals(System.getProperty("kosmo.bench.seed", "partial-import"));
    /** One group of members per place in the funnel: stuck at each of the 7 steps, and done. */
    static final int GROUPS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @InjectRealm(fromJson = "/kosmo-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls keycloakUrls;

    @InjectAdminClient
    Keycloak adminClient;

    @Test
    void funnelAnswerTime() throws Exception {
        KosmoUrls urls = new KosmoUrls(keycloakUrls);
        long created = System.nanoTime();
        if (SQL_SEED) {
            seedBySql(realm.admin().toRepresentation().getId());
        } else {
            seedByPartialImport(urls);
        }
        double creating = seconds(created);

        RosterApi funnel = new RosterApi(urls, () -> adminClient.tokenManager().getAccessTokenString(), "kosmo-onboarding");
        long start = System.nanoTime();
        RosterApi.Reply first = funnel.get("/funnel");
        double firstSeconds = seconds(start);
        assertEquals(200, first.status(), first.text());
        start = System.nanoTime();
        RosterApi.Reply cached = funnel.get("/funnel");
        double cachedSeconds = seconds(start);
        assertEquals(first.object().get("countedAt"), cached.object().get("countedAt"), "the second answer is the cached one");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString();
        start = System.nanoTime();
        RosterApi.Reply filtered = funnel.get("/funnel?from=" + today + "&to=" + today);
        double filteredSeconds = seconds(start);
        assertEquals(200, filtered.status(), filtered.text());
        start = System.nanoTime();
        RosterApi.Reply page = funnel.get("/funnel/members?step=onboarding-complete&first=0&max=100");
        double pageSeconds = seconds(start);
        assertEquals(200, page.status(), page.text());
        start = System.nanoTime();
        RosterApi.Reply deepPage = funnel.get("/funnel/members?step=letter-issued&first=" + Math.max(0, MEMBERS / GROUPS - 100) + "&max=100");
        double deepPageSeconds = seconds(start);
        assertEquals(200, deepPage.status(), deepPage.text());

        Map<String, Object> counts = first.object();
        long perGroup = MEMBERS / GROUPS;
        long members = ((Number) counts.get("members")).longValue();
        System.out.println("=== onboarding funnel, " + MEMBERS + " members (+ the realm's demo members), "
                + Runtime.getRuntime().availableProcessors() + " cores seen by the test JVM, database "
                + System.getProperty("kc.test.database.vendor", System.getProperty("kc.test.database", "the framework's default (H2)"))
                + " ===");
        System.out.printf(Locale.ROOT, SQL_SEED ? "created by SQL inserts into Keycloak's tables, then ANALYZE: %.1f s%n"
                : "created by partial import (no passwords, " + BATCH + " per request): %.1f s%n", creating);
        System.out.printf(Locale.ROOT, "GET funnel, first (database):   %.3f s%n", firstSeconds);
        System.out.printf(Locale.ROOT, "GET funnel, again (node cache): %.3f s%n", cachedSeconds);
        System.out.printf(Locale.ROOT, "GET funnel?from=&to= (database): %.3f s%n", filteredSeconds);
        System.out.printf(Locale.ROOT, "GET funnel/members, 100 stuck at onboarding-complete: %.3f s%n", pageSeconds);
        System.out.printf(Locale.ROOT, "GET funnel/members, 100 stuck at letter-issued from row %d: %.3f s%n",
                Math.max(0, perGroup - 100), deepPageSeconds);
        System.out.println("answer: " + first.text());
        assertEquals(true, members >= MEMBERS, "every member counted: " + members);
        List<?> steps = (List<?>) counts.get("steps");
        long complete = ((Number) ((Map<?, ?>) steps.get(steps.size() - 1)).get("reached")).longValue();
        assertEquals(true, complete >= perGroup, "the last group is done: " + complete);
    }

    private void seedByPartialImport(KosmoUrls urls) throws Exception {
        long created = System.nanoTime();
        for (int from = 0; from < MEMBERS; from += BATCH) {
            List<Map<String, Object>> users = new ArrayList<>();
            for (int i = from; i < Math.min(MEMBERS, from + BATCH); i++) {
                users.add(member(i));
            }
            byte[] body = JSON.writeValueAsBytes(Map.of("ifResourceExists", "SKIP", "users", users));
            HttpRequest request = HttpRequest.newBuilder(URI.create(urls.adminRealm(Browser.REALM) + "/partialImport"))
                    .header("Authorization", "Bearer " + adminClient.tokenManager().getAccessTokenString())
                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            if ((from / BATCH) % 10 == 9) {
                System.out.printf(Locale.ROOT, "created %d members in %.0f s%n", from + users.size(), seconds(created));
            }
        }
    }

    /**
     * The same members as {@link #member(int)} describes, written straight into Keycloak's tables on PostgreSQL (the
     * test framework's remote database): partial import makes about 25 members a second on 2 cores, so 100,000 would
     * take over an hour before the one query this benchmark is about. The rows are what Keycloak itself writes for
     * such a user (entity, attributes, an OTP credential, a required action); the funnel reads only those tables.
     * Then {@code ANALYZE}, as autovacuum would after so many inserts.
     */
    private static void seedBySql(String realmId) throws Exception {
        String url = System.getProperty("kc.test.database.url");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("-Dkosmo.bench.seed=sql needs PostgreSQL (-Dkosmo.it.db=postgres), not " + url);
        }
        long now = System.currentTimeMillis();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(url + (url.contains("?") ? "&" : "?")
                + "reWriteBatchedInserts=true", System.getProperty("kc.test.database.user"), System.getProperty("kc.test.database.password"))) {
            db.setAutoCommit(false);
            try (var users = db.prepareStatement("INSERT INTO user_entity (id, email, email_constraint, email_verified, enabled,"
                    + " first_name, last_name, realm_id, username, created_timestamp, not_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
                 var attributes = db.prepareStatement("INSERT INTO user_attribute (id, name, value, user_id) VALUES (?, ?, ?, ?)");
                 var credentials = db.prepareStatement("INSERT INTO credential (id, type, user_id, created_date, user_label,"
                         + " secret_data, credential_data, priority, version) VALUES (?, ?, ?, ?, ?, ?, ?, 10, 0)");
                 var actions = db.prepareStatement("INSERT INTO user_required_action (user_id, required_action) VALUES (?, ?)")) {
                for (int i = 0; i < MEMBERS; i++) {
                    Map<String, Object> member = member(i);
                    String id = java.util.UUID.randomUUID().toString();
                    String email = (String) member.get("email");
                    users.setString(1, id);
                    users.setString(2, email);
                    users.setString(3, email == null ? id : email);
                    users.setBoolean(4, Boolean.TRUE.equals(member.get("emailVerified")));
                    users.setBoolean(5, true);
                    users.setString(6, (String) member.get("firstName"));
                    users.setString(7, (String) member.get("lastName"));
                    users.setString(8, realmId);
                    users.setString(9, (String) member.get("username"));
                    users.setLong(10, now);
                    users.addBatch();
                    @SuppressWarnings("unchecked")
                    Map<String, List<String>> attrs = (Map<String, List<String>>) member.get("attributes");
                    for (Map.Entry<String, List<String>> attribute : attrs.entrySet()) {
                        for (String value : attribute.getValue()) {
                            attributes.setString(1, java.util.UUID.randomUUID().toString());
                            attributes.setString(2, attribute.getKey());
                            attributes.setString(3, value);
                            attributes.setString(4, id);
                            attributes.addBatch();
                        }
                    }
                    @SuppressWarnings("unchecked")
                    List<Map<String, String>> creds = (List<Map<String, String>>) member.getOrDefault("credentials", List.of());
                    for (Map<String, String> credential : creds) {
                        credentials.setString(1, java.util.UUID.randomUUID().toString());
                        credentials.setString(2, credential.get("type"));
                        credentials.setString(3, id);
                        credentials.setLong(4, now);
                        credentials.setString(5, credential.get("userLabel"));
                        credentials.setString(6, credential.get("secretData"));
                        credentials.setString(7, credential.get("credentialData"));
                        credentials.addBatch();
                    }
                    @SuppressWarnings("unchecked")
                    List<String> required = (List<String>) member.getOrDefault("requiredActions", List.of());
                    for (String action : required) {
                        actions.setString(1, id);
                        actions.setString(2, action);
                        actions.addBatch();
                    }
                    if (i % 5000 == 4999 || i == MEMBERS - 1) {
                        users.executeBatch();
                        attributes.executeBatch();
                        credentials.executeBatch();
                        actions.executeBatch();
                        db.commit();
                    }
                    if (i % 20000 == 19999) {
                        System.out.printf(Locale.ROOT, "created %d members by SQL%n", i + 1);
                    }
                }
            }
            db.setAutoCommit(true);
            try (var analyze = db.createStatement()) {
                analyze.execute("ANALYZE user_entity, user_attribute, credential, user_required_action");
            }
        }
    }

    /** Member {@code i}, in group {@code i % 8}: 0 has no letter, 1 stops after the letter, …, 7 is done. */
    private static Map<String, Object> member(int i) {
        int group = i % GROUPS;
        Map<String, Object> user = new HashMap<>();
        user.put("username", "bench" + i);
        user.put("enabled", true);
        user.put("firstName", "太郎");
        user.put("lastName", "山田");
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put("birthdate", List.of("1979-08-22"));
        attributes.put("insuranceSymbol", List.of("9100"));
        attributes.put("insuranceNumber", List.of(String.valueOf(100000 + i)));
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        if (group >= 1) {
            attributes.put("kosmoActivationExpiresAt", List.of(at.plus(Duration.ofDays(90)).toString()));
        }
        if (group >= 2) {
            attributes.put("kosmoFirstSignInAt", List.of(at.plusSeconds(60).toString()));
        }
        if (group >= 3) {
            attributes.put("kosmoBirthdateVerifiedAt", List.of(at.plusSeconds(120).toString()));
        }
        if (group >= 4) {
            attributes.put("kosmoTermsVersion", List.of("1"));
            attributes.put("kosmoTermsAcceptedAt", List.of(at.plusSeconds(180).toString()));
        }
        if (group >= 5) {
            user.put("email", "bench" + i + "@example.com");
            user.put("emailVerified", true);
        }
        if (group >= 6) {
            attributes.put("kosmoAuthMethod", List.of("app-otp"));
            user.put("credentials", List.of(Map.of("type", "otp", "userLabel", "bench",
                    "secretData", "{\"value\":\"JBSWY3DPEHPK3PXP\"}",
                    "credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}")));
        }
        if (group >= 1 && group <= 6) {
            user.put("requiredActions", List.of("UPDATE_PASSWORD"));
        }
        user.put("attributes", attributes);
        return user;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
