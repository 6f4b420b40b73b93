package jp.kosmo.keycloak.it;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jp.kosmo.keycloak.it.support.AnswerTimes;
import jp.kosmo.keycloak.it.support.ForgotUserIdClient;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoUrls;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.server.KeycloakUrls;
import jp.kosmo.keycloak.it.support.Members;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Benchmark, not a test (run with {@code -Pbenchmarks}, see README): the forgot-user-ID page's answer times for a
 * matching request, an unknown address and a wrong birthdate, 1000 of each after 100 rounds of warm-up, printed
 * with their medians and tails. It asserts nothing but that every answer is the same page.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class ForgotUserIdBenchmark {

    static final int WARM_UP = Integer.getInteger("kosmo.bench.warmup", 100);
    static final int ROUNDS = Integer.getInteger("kosmo.bench.rounds", 1000);

    @InjectRealm(fromJson = "/kosmo-realm.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectKeycloakUrls
    KeycloakUrls keycloakUrls;

    @Test
    void answerTimes() {
        Members members = new Members(realm.admin());
        members.configureExecution("kosmo-login-form", Map.of(
                "kosmo.forgot-user-id.per-ip-per-hour", "10000",
                "kosmo.forgot-user-id.per-address-per-hour", "10000"));
        String member = members.create("fuid-bench", "1979-08-22", "Kosmo-Pass-2026!");
        String address = member + "@example.com";
        ForgotUserIdClient client = new ForgotUserIdClient(new KosmoUrls(keycloakUrls));
        client.open();
        Map<String, Supplier<ForgotUserIdClient.Answer>> kinds = new LinkedHashMap<>();
        kinds.put("matching", () -> client.submit(address, "19790822"));
        kinds.put("unknown address", () -> client.submit("nobody-" + address, "19790822"));
        kinds.put("wrong birthdate", () -> client.submit(address, "19790823"));

        Map<String, AnswerTimes.Times> times = AnswerTimes.measure(kinds, WARM_UP, ROUNDS);
        System.out.println("=== forgot-user-ID answer times (" + ROUNDS + " requests each, " + WARM_UP + " rounds warm-up) ===");
        times.values().forEach(t -> System.out.println(t.line()));
        double matching = times.get("matching").medianMillis();
        for (String other : new String[] {"unknown address", "wrong birthdate"}) {
            System.out.printf(Locale.ROOT, "median difference matching - %s: %+.3f ms%n", other, matching - times.get(other).medianMillis());
        }
    }
}
