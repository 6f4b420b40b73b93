package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kosmo.keycloak.it.support.AnswerTimes;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.HttpBrowser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoUrls;
import jp.kosmo.keycloak.it.support.SlowSmtp;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Benchmark, not a test (run with {@code -Pbenchmarks}, see README): the answer times of the two pages that send a
 * code mail, with a mail server that takes 2 s per mail ({@link SlowSmtp} in front of GreenMail) against the same
 * relay answering at once: the email gate's 実行 on 【5】 (the POST of the address, answered by the code page 【6】) and
 * the login's email-code page (the POST of the birthdate, answered by the email-code page, which mails the code).
 * Each sample is a fresh member (created with Keycloak's partial import) signed in over plain HTTP
 * ({@link HttpBrowser}); each round takes one sample of each page with each mail server, the order of the two
 * servers alternating per round, after {@code -Dkosmo.bench.warmup=…} (default 5) untimed rounds;
 * {@code -Dkosmo.bench.rounds=…} (default 30) timed ones. Prints medians, means, p90 and the ratio slow / instant
 * of the medians. It asserts only the pages and that every mail arrived.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class SlowSmtpBenchmark {

    static final int WARM_UP = Integer.getInteger("kosmo.bench.warmup", 5);
    static final int ROUNDS = Integer.getInteger("kosmo.bench.rounds", 30);
    static final Duration SLOW = Duration.ofSeconds(2);
    private static final String PASSWORD = "Correct-Horse-7";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @InjectRealm(fromJson = "/kosmo-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectKeycloakUrls
    KeycloakUrls keycloakUrls;

    @InjectAdminClient
    Keycloak adminClient;

    private KosmoUrls urls;

    @Test
    void answerTimes() throws Exception {
        urls = new KosmoUrls(keycloakUrls);
        HttpBrowser.ensureClient(realm.admin());
        int samples = WARM_UP + ROUNDS;
        // per page and mail server, one member per sample
        List<String> gateMembers = createMembers("bench-gate", 2 * samples, false);
        List<String> codeMembers = createMembers("bench-code", 2 * samples, true);

        Map<String, String> original = realm.admin().toRepresentation().getSmtpServer();
        Map<String, long[]> nanos = new LinkedHashMap<>();
        for (String name : new String[] {"gate, instant SMTP", "gate, 2 s SMTP", "email code, instant SMTP", "email code, 2 s SMTP"}) {
            nanos.put(name, new long[ROUNDS]);
        }
        try (SlowSmtp smtp = SlowSmtp.inFrontOf(original)) {
            setSmtp(smtp.smtpOf(original));
            int next = 0;
            for (int round = -WARM_UP; round < ROUNDS; round++) {
                boolean slowFirst = Math.floorMod(round, 2) == 0;
                for (int i = 0; i < 2; i++) {
                    boolean slow = (i == 0) == slowFirst;
                    smtp.delay(slow ? SLOW : Duration.ZERO);
                    long gate = gate(gateMembers.get(next));
                    long code = emailCode(codeMembers.get(next));
                    next++;
                    if (round >= 0) {
                        nanos.get(slow ? "gate, 2 s SMTP" : "gate, instant SMTP")[round] = gate;
                        nanos.get(slow ? "email code, 2 s SMTP" : "email code, instant SMTP")[round] = code;
                    }
                }
            }
            int expected = 2 * next;
            assertTrue(mailServer.waitForIncomingEmail(120_000, expected),
                    "every mail arrives: expected " + expected + ", got " + mailServer.getReceivedMessages().length);
        } finally {
            setSmtp(original);
        }

        Map<String, AnswerTimes.Times> times = new LinkedHashMap<>();
        nanos.forEach((name, values) -> {
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            times.put(name, new AnswerTimes.Times(name, sorted));
        });
        System.out.println("=== answer times of the pages that mail a code, 2 s SMTP vs instant (" + ROUNDS
                + " each, " + WARM_UP + " rounds warm-up, alternating) ===");
        times.values().forEach(t -> System.out.println(t.line()));
        System.out.printf(Locale.ROOT, "ratio of medians, gate: %.3f; email code: %.3f (target: at most 1.1)%n",
                times.get("gate, 2 s SMTP").medianMillis() / times.get("gate, instant SMTP").medianMillis(),
                times.get("email code, 2 s SMTP").medianMillis() / times.get("email code, instant SMTP").medianMillis());
    }

    /** 【2】【3】 over HTTP, then the timed 実行 on 【5】: the nanoseconds until the code page 【6】 is there. */
    private long gate(String member) {
        HttpBrowser http = new HttpBrowser(urls, Browser.REALM);
        HttpBrowser.Page page = http.logIn(member, PASSWORD, "19790822");
        HttpBrowser.expect(page, "login-kosmo-verified-email");
        HttpBrowser.Form form = page.form("kc-verified-email-form");
        long start = System.nanoTime();
        HttpBrowser.Page sent = http.submit(form, Map.of("email", member + "@example.com"));
        long took = System.nanoTime() - start;
        HttpBrowser.expect(sent, "login-kosmo-verified-email-code");
        return took;
    }

    /** 【2】 over HTTP, then the timed birthdate: the nanoseconds until the email-code page (which mails the code) is there. */
    private long emailCode(String member) {
        HttpBrowser http = new HttpBrowser(urls, Browser.REALM);
        HttpBrowser.Page page = http.open();
        HttpBrowser.expect(page, "login-login");
        page = http.submit(page, "kc-form-login", Map.of("username", member, "password", PASSWORD));
        HttpBrowser.expect(page, "login-kosmo-birthdate");
        HttpBrowser.Form form = page.form("kc-birthdate-form");
        long start = System.nanoTime();
        HttpBrowser.Page code = http.submit(form, Map.of("birthdate", "19790822"));
        long took = System.nanoTime() - start;
        HttpBrowser.expect(code, "login-kosmo-email-otp");
        return took;
    }

    /**
     * Members past the terms, with a password; {@code emailCodes}: a verified address and email codes chosen at an
     * earlier login but no method enrolled (so the login asks for an email code before anything else), else no
     * address (the login stops at the gate 【5】).
     */
    private List<String> createMembers(String prefix, int count, boolean emailCodes) throws Exception {
        List<String> names = new ArrayList<>();
        List<Map<String, Object>> users = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000);
        for (int i = 0; i < count; i++) {
            String username = prefix + "-" + run + "-" + i;
            names.add(username);
            Map<String, Object> user = new HashMap<>();
            user.put("username", username);
            user.put("enabled", true);
            user.put("firstName", "Bench");
            user.put("lastName", "Member");
            Map<String, List<String>> attributes = new HashMap<>();
            attributes.put("birthdate", List.of("1979-08-22"));
            attributes.put("kosmoTermsVersion", List.of("1"));
            if (emailCodes) {
                user.put("email", username + "@example.com");
                user.put("emailVerified", true);
                attributes.put("kosmoAuthMethod", List.of("email-otp"));
            }
            user.put("attributes", attributes);
            user.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
            users.add(user);
        }
        for (int from = 0; from < users.size(); from += 50) {
            byte[] body = JSON.writeValueAsBytes(Map.of("ifResourceExists", "SKIP",
                    "users", users.subList(from, Math.min(users.size(), from + 50))));
            HttpRequest request = HttpRequest.newBuilder(URI.create(urls.adminRealm(Browser.REALM) + "/partialImport"))
                    .header("Authorization", "Bearer " + adminClient.tokenManager().getAccessTokenString())
                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        }
        return names;
    }

    private void setSmtp(Map<String, String> settings) {
        RealmRepresentation patch = new RealmRepresentation();
        patch.setSmtpServer(settings);
        realm.admin().update(patch);
    }
}
