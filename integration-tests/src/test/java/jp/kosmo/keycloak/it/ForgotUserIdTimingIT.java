package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jp.kosmo.keycloak.it.support.AnswerTimes;
import jp.kosmo.keycloak.it.support.ForgotUserIdClient;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Mails;
import jp.kosmo.keycloak.it.support.Members;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The forgot-user-ID page's answer time says nothing about whether a member matched: over 200 requests each, the
 * medians differ by less than 5 ms. The precise figures come from the benchmark (README, Benchmarks).
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class ForgotUserIdTimingIT extends KosmoTestBase {

    static final int ROUNDS = 200;
    static final double BOUND_MILLIS = 5.0;

    private Map<String, String> shippedSettings;

    @BeforeEach
    void setUp() {
        // hundreds of requests from one IP for one address: limits high enough to let them through, still counted
        shippedSettings = members.configureExecution("kosmo-login-form", Map.of(
                "kosmo.forgot-user-id.per-ip-per-hour", "10000",
                "kosmo.forgot-user-id.per-address-per-hour", "1000"));
    }

    @AfterEach
    void restore() {
        members.configureExecution("kosmo-login-form", shippedSettings);
    }

    @Test
    @DisplayName("matching and non-matching requests: the same page, medians less than 5 ms apart over 200 requests each")
    void medians() {
        String member = members.create("fuid-timing", "1979-08-22", "Kosmo-Pass-2026!");
        String address = member + "@example.com";
        ForgotUserIdClient client = new ForgotUserIdClient(urls);
        client.open();
        Map<String, Supplier<ForgotUserIdClient.Answer>> kinds = new LinkedHashMap<>();
        kinds.put("matching", () -> client.submit(address, "19790822"));
        kinds.put("unknown address", () -> client.submit("nobody-" + address, "19790822"));

        Map<String, AnswerTimes.Times> times = AnswerTimes.measure(kinds, 30, ROUNDS);
        times.values().forEach(t -> System.out.println("[forgot-user-id timing] " + t.line()));
        double difference = Math.abs(times.get("matching").medianMillis() - times.get("unknown address").medianMillis());
        System.out.printf(Locale.ROOT, "[forgot-user-id timing] median difference %.3f ms (bound %.1f ms)%n", difference, BOUND_MILLIS);
        assertTrue(difference < BOUND_MILLIS, () -> String.format(Locale.ROOT, "medians differ by %.3f ms", difference));

        // the matching requests did send their mails, after the answers
        mails.awaitMail(address, 30 + ROUNDS);
        assertEquals(0, mails.to("nobody-" + address).size());
    }
}
