package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.RosterApi;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Benchmark, not a test (run with {@code -Pbenchmarks}, see README): the same members (default 5,000,
 * {@code -Dkosmo.bench.members=…}) once through our roster import ({@code POST …/kosmo-members/imports}, one worker
 * per core) and once through Keycloak's partial import ({@code POST /admin/realms/kosmo/partialImport} with the users
 * and a temporary password each, in requests of 500 users), on the same server; prints both rates in members per second and the ratio. Both
 * hash every password with the realm's algorithm (argon2).
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class RosterImportBenchmark {

    static final int MEMBERS = Integer.getInteger("kosmo.bench.members", 5000);
    static final int BATCH = Integer.getInteger("kosmo.bench.partial-batch", 500);
    /** Members through each path before anything is timed, so that neither pays for the JIT's first compilations. */
    static final int WARM_UP = Integer.getInteger("kosmo.bench.warm-up", 300);
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = "/kosmo-realm.json")
    ManagedRealm realm;

    @org.keycloak.testframework.annotations.InjectKeycloakUrls
    org.keycloak.testframework.server.KeycloakUrls keycloakUrls;

    @InjectAdminClient
    Keycloak adminClient;

    @Test
    void rosterImportAgainstPartialImport() throws Exception {
        RosterApi api = new RosterApi(new jp.kosmo.keycloak.it.support.KosmoUrls(keycloakUrls), () -> adminClient.tokenManager().getAccessTokenString());
        // warm-up of both paths: the server is fresh, and whichever path ran first would otherwise share the cores with
        // the JIT compiling argon2 and Hibernate (seen with top -H: C2 at half a core during the first minute)
        api.run(roster("8000", WARM_UP).getBytes(StandardCharsets.UTF_8), null);
        partialImport(users("warm", WARM_UP), "warm-up");

        // the progress asked for once a second, as bin/kosmo-import does (each answer counts the job's rows)
        long start = System.nanoTime();
        String job = api.start(roster("8100", MEMBERS).getBytes(StandardCharsets.UTF_8), null);
        Map<String, Object> report = api.get("/imports/" + job).object();
        while (!"DONE".equals(report.get("state"))) {
            jp.kosmo.keycloak.it.support.Members.sleep(1000);
            report = api.get("/imports/" + job).object();
        }
        double ours = seconds(start);
        assertEquals(MEMBERS, ((Number) report.get("created")).intValue(), report.toString());
        System.out.printf(Locale.ROOT, "kosmo-members import: %d members in %.1f s, %.1f members/s%n", MEMBERS, ours, MEMBERS / ours);

        double partial = partialImport(users("partial", MEMBERS), "partialImport");

        double oursRate = MEMBERS / ours;
        double partialRate = MEMBERS / partial;
        System.out.println("=== roster import vs partial import, " + MEMBERS + " members, "
                + Runtime.getRuntime().availableProcessors() + " cores seen by the test JVM ===");
        System.out.printf(Locale.ROOT, "kosmo-members import: %.1f s, %.1f members/s%n", ours, oursRate);
        System.out.printf(Locale.ROOT, "partialImport:        %.1f s, %.1f members/s%n", partial, partialRate);
        System.out.printf(Locale.ROOT, "ratio (ours / partial import): %.2f%n", oursRate / partialRate);
    }

    private static String roster(String symbol, int members) {
        StringBuilder csv = new StringBuilder(RosterImportIT.HEADER);
        for (int i = 0; i < members; i++) {
            csv.append(symbol).append(',').append(100000 + i).append(",01,山田 太郎,ヤマダ タロウ,S54.08.22,,\r\n");
        }
        return csv.toString();
    }

    private static List<Map<String, Object>> users(String prefix, int members) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            users.add(Map.of("username", prefix + i, "enabled", true, "firstName", "太郎", "lastName", "山田",
                    "attributes", Map.of("insuranceSymbol", List.of("8200"), "insuranceNumber", List.of(prefix + (100000 + i)),
                            "insuranceBranch", List.of("01"), "birthdate", List.of("1979-08-22")),
                    "requiredActions", List.of("UPDATE_PASSWORD"),
                    "credentials", List.of(Map.of("type", "password", "value", "Xk7dPqR4mN" + i, "temporary", true))));
        }
        return users;
    }

    /**
     * The users through Keycloak's partial import in requests of {@link #BATCH}: one partial import is one
     * transaction, and 5,000 hashes on one thread take longer than Keycloak's default transaction timeout (300 s);
     * the rate is the same. Returns the seconds the requests took.
     */
    private double partialImport(List<Map<String, Object>> users, String what) throws IOException, InterruptedException {
        double seconds = 0;
        for (int from = 0; from < users.size(); from += BATCH) {
            byte[] body = JSON.writeValueAsBytes(Map.of("ifResourceExists", "SKIP",
                    "users", users.subList(from, Math.min(users.size(), from + BATCH))));
            HttpRequest request = HttpRequest.newBuilder(URI.create(new jp.kosmo.keycloak.it.support.KosmoUrls(keycloakUrls).adminRealm(Browser.REALM) + "/partialImport"))
                    .header("Authorization", "Bearer " + adminClient.tokenManager().getAccessTokenString())
                    .header("Content-Type", "application/json").timeout(Duration.ofHours(2))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long start = System.nanoTime();
            HttpResponse<String> response = send(request);
            seconds += seconds(start);
            assertEquals(200, response.statusCode(), what + ": " + response.body());
        }

        return seconds;
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
